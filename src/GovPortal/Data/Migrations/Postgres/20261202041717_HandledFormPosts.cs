using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovPortal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HandledFormPosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HandledFormPosts",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ClaimedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandledFormPosts", x => x.TokenHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HandledFormPosts_ExpiresAtUtc",
                table: "HandledFormPosts",
                column: "ExpiresAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HandledFormPosts");
        }
    }
}
