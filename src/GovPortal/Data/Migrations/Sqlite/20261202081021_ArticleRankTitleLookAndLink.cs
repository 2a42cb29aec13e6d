using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ArticleRankTitleLookAndLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_ChannelId_Status_PublishedAtUtc_Id",
                table: "Articles");

            migrationBuilder.AddColumn<string>(
                name: "LinkUrl",
                table: "Revisions",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "TitleBold",
                table: "Revisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TitleColour",
                table: "Revisions",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LinkUrl",
                table: "Articles",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "PinEndsAtUtc",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Pinned",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "TitleBold",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TitleColour",
                table: "Articles",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Weight",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ChannelId_Status_Pinned_Weight_PublishedAtUtc_Id",
                table: "Articles",
                columns: new[] { "ChannelId", "Status", "Pinned", "Weight", "PublishedAtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_ChannelId_Status_Pinned_Weight_PublishedAtUtc_Id",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LinkUrl",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "TitleBold",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "TitleColour",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "LinkUrl",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "PinEndsAtUtc",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Pinned",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "TitleBold",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "TitleColour",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Weight",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ChannelId_Status_PublishedAtUtc_Id",
                table: "Articles",
                columns: new[] { "ChannelId", "Status", "PublishedAtUtc", "Id" });
        }
    }
}
