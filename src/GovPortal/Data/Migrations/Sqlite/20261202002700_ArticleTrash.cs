using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ArticleTrash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeletedAtUtc",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "Articles",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "RetiredAddresses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RetiredAtUtc = table.Column<long>(type: "INTEGER", nullable: false)
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
