using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScheduledWithdrawal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "WithdrawAtUtc",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawReason",
                table: "Articles",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "WithdrawSetBy",
                table: "Articles",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WithdrawAtUtc",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "WithdrawReason",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "WithdrawSetBy",
                table: "Articles");
        }
    }
}
