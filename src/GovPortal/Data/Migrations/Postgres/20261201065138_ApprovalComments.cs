using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovPortal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ApprovalComments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApprovalComments",
                table: "Revisions",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApprovalComments",
                table: "Revisions");
        }
    }
}
