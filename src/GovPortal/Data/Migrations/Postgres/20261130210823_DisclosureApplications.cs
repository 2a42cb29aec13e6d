using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GovPortal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DisclosureApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    IsWorkingDay = table.Column<bool>(type: "boolean", nullable: false),
                    Name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarYears", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "DisclosureApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    QueryCodeSalt = table.Column<byte[]>(type: "bytea", maxLength: 16, nullable: false),
                    QueryCodeHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    ApplicantType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrganisationKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SealedApplicant = table.Column<string>(type: "character varying(12000)", maxLength: 12000, nullable: false),
                    Delivery = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Medium = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ClockStartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RegisteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CorrectionRequest = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CorrectionRequestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SealedCorrection = table.Column<string>(type: "character varying(12000)", maxLength: 12000, nullable: false),
                    CorrectionSuppliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ProcessingAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExtensionDays = table.Column<int>(type: "integer", nullable: false),
                    ExtensionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ExtensionApprovedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ExtendedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OutcomeCategory = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OutcomeReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AnswerNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AnswerFileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    AnswerStoredName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AnswerContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                name: "ReceiptCounters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Series = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
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
                name: "IX_CalendarDays_Date",
                table: "CalendarDays",
                column: "Date",
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
                name: "IX_ReceiptCounters_SiteId_Series_Day",
                table: "ReceiptCounters",
                columns: new[] { "SiteId", "Series", "Day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "CalendarYears");

            migrationBuilder.DropTable(
                name: "DisclosureApplications");

            migrationBuilder.DropTable(
                name: "ReceiptCounters");
        }
    }
}
