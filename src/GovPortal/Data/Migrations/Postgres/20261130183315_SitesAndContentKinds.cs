using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovPortal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SitesAndContentKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Channels_ParentId_Slug",
                table: "Channels");

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Sites",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "main");

            migrationBuilder.AddColumn<string>(
                name: "Extras",
                table: "Revisions",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Revisions",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "news");

            migrationBuilder.AddColumn<int>(
                name: "SiteId",
                table: "Channels",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Extras",
                table: "Articles",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Articles",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "news");

            migrationBuilder.AddColumn<int>(
                name: "SiteId",
                table: "Articles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Until now the site was \"the first row\": it becomes the site \"main\", every channel and article its own.
            migrationBuilder.Sql("UPDATE \"Sites\" SET \"Code\" = 'site' || \"Id\" WHERE \"Id\" <> (SELECT MIN(\"Id\") FROM \"Sites\");");
            migrationBuilder.Sql("UPDATE \"Channels\" SET \"SiteId\" = (SELECT MIN(\"Id\") FROM \"Sites\");");
            migrationBuilder.Sql("UPDATE \"Articles\" SET \"SiteId\" = (SELECT MIN(\"Id\") FROM \"Sites\");");

            migrationBuilder.CreateIndex(
                name: "IX_Sites_Code",
                table: "Sites",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Channels_ParentId",
                table: "Channels",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Channels_SiteId_ParentId_Slug",
                table: "Channels",
                columns: new[] { "SiteId", "ParentId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_SiteId",
                table: "Articles",
                column: "SiteId");

            migrationBuilder.AddForeignKey(
                name: "FK_Articles_Sites_SiteId",
                table: "Articles",
                column: "SiteId",
                principalTable: "Sites",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Channels_Sites_SiteId",
                table: "Channels",
                column: "SiteId",
                principalTable: "Sites",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Articles_Sites_SiteId",
                table: "Articles");

            migrationBuilder.DropForeignKey(
                name: "FK_Channels_Sites_SiteId",
                table: "Channels");

            migrationBuilder.DropIndex(
                name: "IX_Sites_Code",
                table: "Sites");

            migrationBuilder.DropIndex(
                name: "IX_Channels_ParentId",
                table: "Channels");

            migrationBuilder.DropIndex(
                name: "IX_Channels_SiteId_ParentId_Slug",
                table: "Channels");

            migrationBuilder.DropIndex(
                name: "IX_Articles_SiteId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "Extras",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "SiteId",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "Extras",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "SiteId",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Channels_ParentId_Slug",
                table: "Channels",
                columns: new[] { "ParentId", "Slug" },
                unique: true);
        }
    }
}
