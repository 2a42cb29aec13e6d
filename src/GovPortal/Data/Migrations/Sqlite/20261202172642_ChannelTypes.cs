using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChannelTypes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BannerAlt",
                table: "Channels",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "BannerHeight",
                table: "Channels",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "BannerImage",
                table: "Channels",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "BannerWidth",
                table: "Channels",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Introduction",
                table: "Channels",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LinkUrl",
                table: "Channels",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ListStyle",
                table: "Channels",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Titles");

            migrationBuilder.AddColumn<string>(
                name: "Type",
                table: "Channels",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "List");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BannerAlt",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "BannerHeight",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "BannerImage",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "BannerWidth",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "Introduction",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "LinkUrl",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "ListStyle",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "Type",
                table: "Channels");
        }
    }
}
