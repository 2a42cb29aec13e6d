using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovPortal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SitesOwnStaffAndRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Suspended",
                table: "Sites",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "SiteId",
                table: "Revisions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SiteId",
                table: "HealthSnapshots",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SiteId",
                table: "AuditEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SiteId",
                table: "AspNetUsers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Every revision is its article's site's; every existing account and health check is the first site's,
            // the only one before sites had their own staff. (Audit entries are never updated: those without a site
            // are read by the first site's 审计管理员.)
            migrationBuilder.Sql(
                "UPDATE \"Revisions\" SET \"SiteId\" = (SELECT a.\"SiteId\" FROM \"Articles\" a " +
                "WHERE a.\"Id\" = \"Revisions\".\"ArticleId\")");
            migrationBuilder.Sql(
                "UPDATE \"AspNetUsers\" SET \"SiteId\" = (SELECT MIN(s.\"Id\") FROM \"Sites\" s)");
            migrationBuilder.Sql(
                "UPDATE \"HealthSnapshots\" SET \"SiteId\" = (SELECT MIN(s.\"Id\") FROM \"Sites\" s)");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_SiteId",
                table: "AspNetUsers",
                column: "SiteId");

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Sites_SiteId",
                table: "AspNetUsers",
                column: "SiteId",
                principalTable: "Sites",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Sites_SiteId",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_SiteId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "Suspended",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "SiteId",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "SiteId",
                table: "HealthSnapshots");

            migrationBuilder.DropColumn(
                name: "SiteId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "SiteId",
                table: "AspNetUsers");
        }
    }
}
