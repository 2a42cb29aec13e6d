using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PicturesLeadImageAndFocus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_SiteId",
                table: "Articles");

            migrationBuilder.AddColumn<string>(
                name: "LeadImage",
                table: "Revisions",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Height",
                table: "RevisionFiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Width",
                table: "RevisionFiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Height",
                table: "RelatedFiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Width",
                table: "RelatedFiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Featured",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LeadImage",
                table: "Articles",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_SiteId_Featured",
                table: "Articles",
                columns: new[] { "SiteId", "Featured" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_SiteId_Featured",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LeadImage",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Height",
                table: "RevisionFiles");

            migrationBuilder.DropColumn(
                name: "Width",
                table: "RevisionFiles");

            migrationBuilder.DropColumn(
                name: "Height",
                table: "RelatedFiles");

            migrationBuilder.DropColumn(
                name: "Width",
                table: "RelatedFiles");

            migrationBuilder.DropColumn(
                name: "Featured",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LeadImage",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_SiteId",
                table: "Articles",
                column: "SiteId");
        }
    }
}
