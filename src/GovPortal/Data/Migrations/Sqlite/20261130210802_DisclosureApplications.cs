using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovPortal.Data.Migrations.Sqlite
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
