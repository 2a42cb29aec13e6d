using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovPortal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlatformLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PlatformId",
                table: "Organisations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlatformId",
                table: "Classifications",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_SiteId_PlatformId",
                table: "Organisations",
                columns: new[] { "SiteId", "PlatformId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Classifications_SiteId_PlatformId",
                table: "Classifications",
                columns: new[] { "SiteId", "PlatformId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisations_SiteId_PlatformId",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Classifications_SiteId_PlatformId",
                table: "Classifications");

            migrationBuilder.DropColumn(
                name: "PlatformId",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "PlatformId",
                table: "Classifications");
        }
    }
}
