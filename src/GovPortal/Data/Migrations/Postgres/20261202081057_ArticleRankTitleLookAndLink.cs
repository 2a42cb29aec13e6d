using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovPortal.Data.Migrations.Postgres
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
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "TitleBold",
                table: "Revisions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TitleColour",
                table: "Revisions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LinkUrl",
                table: "Articles",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "PinEndsAtUtc",
                table: "Articles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Pinned",
                table: "Articles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "TitleBold",
                table: "Articles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TitleColour",
                table: "Articles",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Weight",
                table: "Articles",
                type: "integer",
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
