using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportedPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportedPages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    OldPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ContentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Redirects = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImportedAtUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedPages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportedPages_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImportedPages_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportedPages_ArticleId",
                table: "ImportedPages",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedPages_SiteId_ContentSha256",
                table: "ImportedPages",
                columns: new[] { "SiteId", "ContentSha256" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportedPages_SiteId_OldPath",
                table: "ImportedPages",
                columns: new[] { "SiteId", "OldPath" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportedPages");
        }
    }
}
