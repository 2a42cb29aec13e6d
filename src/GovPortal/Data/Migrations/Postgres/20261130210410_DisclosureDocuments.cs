using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GovPortal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DisclosureDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IndexNumberPattern",
                table: "Sites",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "{统一社会信用代码}/{年份}-{五位序号}");

            migrationBuilder.AddColumn<string>(
                name: "Disclosure_DocumentNumber",
                table: "Revisions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_GenreId",
                table: "Revisions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Disclosure_IndexNumber",
                table: "Revisions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Disclosure_InterpretationType",
                table: "Revisions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_OrganisationId",
                table: "Revisions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_PolicyId",
                table: "Revisions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Disclosure_ReleasedOn",
                table: "Revisions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_ReplacedById",
                table: "Revisions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_TopicId",
                table: "Revisions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Disclosure_Validity",
                table: "Revisions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Disclosure_ValidityChangedOn",
                table: "Revisions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Disclosure_WrittenOn",
                table: "Revisions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Disclosure_DocumentNumber",
                table: "Articles",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_GenreId",
                table: "Articles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Disclosure_IndexNumber",
                table: "Articles",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Disclosure_InterpretationType",
                table: "Articles",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_OrganisationId",
                table: "Articles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_PolicyId",
                table: "Articles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Disclosure_ReleasedOn",
                table: "Articles",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_ReplacedById",
                table: "Articles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disclosure_TopicId",
                table: "Articles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Disclosure_Validity",
                table: "Articles",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Disclosure_ValidityChangedOn",
                table: "Articles",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Disclosure_WrittenOn",
                table: "Articles",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Classifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Scheme = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Classifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Classifications_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndexNumberCounters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Scope = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexNumberCounters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndexNumberCounters_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IssuedIndexNumbers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuedIndexNumbers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssuedIndexNumbers_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organisations_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_Disclosure_GenreId",
                table: "Revisions",
                column: "Disclosure_GenreId");

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_Disclosure_OrganisationId",
                table: "Revisions",
                column: "Disclosure_OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_Disclosure_TopicId",
                table: "Revisions",
                column: "Disclosure_TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Disclosure_GenreId",
                table: "Articles",
                column: "Disclosure_GenreId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Disclosure_IndexNumber",
                table: "Articles",
                column: "Disclosure_IndexNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Disclosure_OrganisationId",
                table: "Articles",
                column: "Disclosure_OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Disclosure_PolicyId",
                table: "Articles",
                column: "Disclosure_PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Disclosure_ReplacedById",
                table: "Articles",
                column: "Disclosure_ReplacedById");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Disclosure_TopicId",
                table: "Articles",
                column: "Disclosure_TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_Classifications_SiteId_Scheme_Name",
                table: "Classifications",
                columns: new[] { "SiteId", "Scheme", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndexNumberCounters_SiteId_Scope",
                table: "IndexNumberCounters",
                columns: new[] { "SiteId", "Scope" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedIndexNumbers_ArticleId",
                table: "IssuedIndexNumbers",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedIndexNumbers_SiteId_Value",
                table: "IssuedIndexNumbers",
                columns: new[] { "SiteId", "Value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_SiteId_Name",
                table: "Organisations",
                columns: new[] { "SiteId", "Name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Articles_Classifications_Disclosure_GenreId",
                table: "Articles",
                column: "Disclosure_GenreId",
                principalTable: "Classifications",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Articles_Classifications_Disclosure_TopicId",
                table: "Articles",
                column: "Disclosure_TopicId",
                principalTable: "Classifications",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Articles_Organisations_Disclosure_OrganisationId",
                table: "Articles",
                column: "Disclosure_OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Revisions_Classifications_Disclosure_GenreId",
                table: "Revisions",
                column: "Disclosure_GenreId",
                principalTable: "Classifications",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Revisions_Classifications_Disclosure_TopicId",
                table: "Revisions",
                column: "Disclosure_TopicId",
                principalTable: "Classifications",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Revisions_Organisations_Disclosure_OrganisationId",
                table: "Revisions",
                column: "Disclosure_OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Articles_Classifications_Disclosure_GenreId",
                table: "Articles");

            migrationBuilder.DropForeignKey(
                name: "FK_Articles_Classifications_Disclosure_TopicId",
                table: "Articles");

            migrationBuilder.DropForeignKey(
                name: "FK_Articles_Organisations_Disclosure_OrganisationId",
                table: "Articles");

            migrationBuilder.DropForeignKey(
                name: "FK_Revisions_Classifications_Disclosure_GenreId",
                table: "Revisions");

            migrationBuilder.DropForeignKey(
                name: "FK_Revisions_Classifications_Disclosure_TopicId",
                table: "Revisions");

            migrationBuilder.DropForeignKey(
                name: "FK_Revisions_Organisations_Disclosure_OrganisationId",
                table: "Revisions");

            migrationBuilder.DropTable(
                name: "Classifications");

            migrationBuilder.DropTable(
                name: "IndexNumberCounters");

            migrationBuilder.DropTable(
                name: "IssuedIndexNumbers");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Revisions_Disclosure_GenreId",
                table: "Revisions");

            migrationBuilder.DropIndex(
                name: "IX_Revisions_Disclosure_OrganisationId",
                table: "Revisions");

            migrationBuilder.DropIndex(
                name: "IX_Revisions_Disclosure_TopicId",
                table: "Revisions");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Disclosure_GenreId",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Disclosure_IndexNumber",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Disclosure_OrganisationId",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Disclosure_PolicyId",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Disclosure_ReplacedById",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Disclosure_TopicId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "IndexNumberPattern",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "Disclosure_DocumentNumber",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_GenreId",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_IndexNumber",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_InterpretationType",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_OrganisationId",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_PolicyId",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_ReleasedOn",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_ReplacedById",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_TopicId",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_Validity",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_ValidityChangedOn",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_WrittenOn",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Disclosure_DocumentNumber",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_GenreId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_IndexNumber",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_InterpretationType",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_OrganisationId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_PolicyId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_ReleasedOn",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_ReplacedById",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_TopicId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_Validity",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_ValidityChangedOn",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Disclosure_WrittenOn",
                table: "Articles");
        }
    }
}
