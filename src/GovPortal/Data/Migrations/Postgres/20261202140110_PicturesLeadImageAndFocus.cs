using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovPortal.Data.Migrations.Postgres
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
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Height",
                table: "RevisionFiles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Width",
                table: "RevisionFiles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Height",
                table: "RelatedFiles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Width",
                table: "RelatedFiles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Featured",
                table: "Articles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LeadImage",
                table: "Articles",
                type: "character varying(40)",
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
