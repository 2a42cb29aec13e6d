using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GovernmentInformationDisclosure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IndexNumberPattern",
                table: "Sites",
                type: "TEXT",
                maxLength: 60,
                nullable: false,
                defaultValue: "{统一社会信用代码}/{年份}-{五位序号}");

            migrationBuilder.AddColumn<string>(
                name: "Disclosure_DocumentNumber",
                table: "Revisions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_GenreId",
                table: "Revisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Disclosure_IndexNumber",
                table: "Revisions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Disclosure_InterpretationType",
                table: "Revisions",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_OrganisationId",
                table: "Revisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_PolicyId",
                table: "Revisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Disclosure_ReleasedOn",
                table: "Revisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_ReplacedById",
                table: "Revisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_TopicId",
                table: "Revisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Disclosure_Validity",
                table: "Revisions",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Disclosure_ValidityChangedOn",
                table: "Revisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Disclosure_WrittenOn",
                table: "Revisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisclosureRole",
                table: "Channels",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "Disclosure_DocumentNumber",
                table: "Articles",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_GenreId",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Disclosure_IndexNumber",
                table: "Articles",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Disclosure_InterpretationType",
                table: "Articles",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_OrganisationId",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_PolicyId",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Disclosure_ReleasedOn",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_ReplacedById",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_TopicId",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Disclosure_Validity",
                table: "Articles",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Disclosure_ValidityChangedOn",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Disclosure_WrittenOn",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AnnualReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Overview = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    OtherMatters = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    TypedFiguresJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PublishedJson = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    PublishedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualReports_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsWorkingDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarYears", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "Classifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Scheme = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Classifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Classifications_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DisclosureApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    QueryCodeSalt = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false),
                    QueryCodeHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    ApplicantType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrganisationKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SealedApplicant = table.Column<string>(type: "TEXT", maxLength: 12000, nullable: false),
                    Delivery = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Medium = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReceivedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ClockStartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RegisteredAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CorrectionRequest = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CorrectionRequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SealedCorrection = table.Column<string>(type: "TEXT", maxLength: 12000, nullable: false),
                    CorrectionSuppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProcessingAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    ExtensionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtensionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ExtensionApprovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExtendedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OutcomeCategory = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OutcomeReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AnswerNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AnswerFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    AnswerStoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AnswerContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosureApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisclosureApplications_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndexNumberCounters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexNumberCounters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndexNumberCounters_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IssuedIndexNumbers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedAtUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuedIndexNumbers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssuedIndexNumbers_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organisations_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReceiptCounters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Series = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceiptCounters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReceiptCounters_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_Disclosure_GenreId",
                table: "Revisions",
                column: "Disclosure_GenreId");

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_Disclosure_OrganisationId",
                table: "Revisions",
                column: "Disclosure_OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_Disclosure_TopicId",
                table: "Revisions",
                column: "Disclosure_TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Disclosure_GenreId",
                table: "Articles",
                column: "Disclosure_GenreId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Disclosure_IndexNumber",
                table: "Articles",
                column: "Disclosure_IndexNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Disclosure_OrganisationId",
                table: "Articles",
                column: "Disclosure_OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Disclosure_PolicyId",
                table: "Articles",
                column: "Disclosure_PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Disclosure_ReplacedById",
                table: "Articles",
                column: "Disclosure_ReplacedById");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Disclosure_TopicId",
                table: "Articles",
                column: "Disclosure_TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_SiteId_Year",
                table: "AnnualReports",
                columns: new[] { "SiteId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDays_Date",
                table: "CalendarDays",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Classifications_SiteId_Scheme_Name",
                table: "Classifications",
                columns: new[] { "SiteId", "Scheme", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureApplications_Number",
                table: "DisclosureApplications",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureApplications_SiteId_ReceivedOn",
                table: "DisclosureApplications",
                columns: new[] { "SiteId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureApplications_SiteId_Status",
                table: "DisclosureApplications",
                columns: new[] { "SiteId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_IndexNumberCounters_SiteId_Scope",
                table: "IndexNumberCounters",
                columns: new[] { "SiteId", "Scope" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedIndexNumbers_ArticleId",
                table: "IssuedIndexNumbers",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedIndexNumbers_SiteId_Value",
                table: "IssuedIndexNumbers",
                columns: new[] { "SiteId", "Value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_SiteId_Name",
                table: "Organisations",
                columns: new[] { "SiteId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReceiptCounters_SiteId_Series_Day",
                table: "ReceiptCounters",
                columns: new[] { "SiteId", "Series", "Day" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Articles_Classifications_Disclosure_GenreId",
                table: "Articles",
                column: "Disclosure_GenreId",
                principalTable: "Classifications",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Articles_Classifications_Disclosure_TopicId",
                table: "Articles",
                column: "Disclosure_TopicId",
                principalTable: "Classifications",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Articles_Organisations_Disclosure_OrganisationId",
                table: "Articles",
                column: "Disclosure_OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Revisions_Classifications_Disclosure_GenreId",
                table: "Revisions",
                column: "Disclosure_GenreId",
                principalTable: "Classifications",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Revisions_Classifications_Disclosure_TopicId",
                table: "Revisions",
                column: "Disclosure_TopicId",
                principalTable: "Classifications",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Revisions_Organisations_Disclosure_OrganisationId",
                table: "Revisions",
                column: "Disclosure_OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Articles_Classifications_Disclosure_GenreId",
                table: "Articles");

            migrationBuilder.DropForeignKey(
                name: "FK_Articles_Classifications_Disclosure_TopicId",
                table: "Articles");

            migrationBuilder.DropForeignKey(
                name: "FK_Articles_Organisations_Disclosure_OrganisationId",
                table: "Articles");

            migrationBuilder.DropForeignKey(
                name: "FK_Revisions_Classifications_Disclosure_GenreId",
                table: "Revisions");

            migrationBuilder.DropForeignKey(
                name: "FK_Revisions_Classifications_Disclosure_TopicId",
                table: "Revisions");

            migrationBuilder.DropForeignKey(
                name: "FK_Revisions_Organisations_Disclosure_OrganisationId",
                table: "Revisions");

            migrationBuilder.DropTable(
                name: "AnnualReports");

            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "CalendarYears");

            migrationBuilder.DropTable(
                name: "Classifications");

            migrationBuilder.DropTable(
                name: "DisclosureApplications");

            migrationBuilder.DropTable(
                name: "IndexNumberCounters");

            migrationBuilder.DropTable(
                name: "IssuedIndexNumbers");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "ReceiptCounters");

            migrationBuilder.DropIndex(
                name: "IX_Revisions_Disclosure_GenreId",
                table: "Revisions");

            migrationBuilder.DropIndex(
                name: "IX_Revisions_Disclosure_OrganisationId",
                table: "Revisions");

            migrationBuilder.DropIndex(
                name: "IX_Revisions_Disclosure_TopicId",
                table: "Revisions");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Disclosure_GenreId",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Disclosure_IndexNumber",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Disclosure_OrganisationId",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Disclosure_PolicyId",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Disclosure_ReplacedById",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Disclosure_TopicId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "IndexNumberPattern",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "Disclosure_DocumentNumber",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_GenreId",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_IndexNumber",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_InterpretationType",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_OrganisationId",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_PolicyId",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_ReleasedOn",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_ReplacedById",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_TopicId",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_Validity",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_ValidityChangedOn",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_WrittenOn",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "DisclosureRole",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "Disclosure_DocumentNumber",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_GenreId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_IndexNumber",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_InterpretationType",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_OrganisationId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_PolicyId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_ReleasedOn",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_ReplacedById",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_TopicId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_Validity",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_ValidityChangedOn",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_WrittenOn",
                table: "Articles");
        }
    }
}
