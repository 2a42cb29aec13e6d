using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GovPortal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ArticleTrash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAtUtc",
                table: "Articles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "Articles",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "RetiredAddresses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Url = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RetiredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetiredAddresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RetiredAddresses_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_DeletedAtUtc",
                table: "Articles",
                column: "DeletedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_RetiredAddresses_SiteId",
                table: "RetiredAddresses",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_RetiredAddresses_Url",
                table: "RetiredAddresses",
                column: "Url",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetiredAddresses");

            migrationBuilder.DropIndex(
                name: "IX_Articles_DeletedAtUtc",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "DeletedAtUtc",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
                table: "Articles");
        }
    }
}
