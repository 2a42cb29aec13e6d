using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Interaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Consultations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DraftHtml = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartsAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FeedbackHtml = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    FeedbackPublishedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    FeedbackPublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ClosedPageAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consultations_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Mailboxes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsultReplyDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ReplyDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mailboxes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Mailboxes_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Duty = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganisationMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganisationMembers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    QueryCodeSalt = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false),
                    QueryCodeHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    SealedContent = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ReceivedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Held = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScreeningReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationComments_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Letters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    MailboxId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    QueryCodeSalt = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false),
                    QueryCodeHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SealedContent = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    MayPublish = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReceivedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    ReplyDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ScreeningReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    AssignedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    AssignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MergedIntoId = table.Column<int>(type: "INTEGER", nullable: true),
                    DraftReply = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    DraftedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DraftedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RepliedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SealedRatingComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RatedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PublicSubject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PublicText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PublicName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Letters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Letters_Letters_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Letters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Letters_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Letters_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Letters_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LetterAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LetterId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LetterAttachments_Letters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "Letters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationComments_ConsultationId",
                table: "ConsultationComments",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationComments_Number",
                table: "ConsultationComments",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_SiteId_EndsAtUtc",
                table: "Consultations",
                columns: new[] { "SiteId", "EndsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LetterAttachments_LetterId",
                table: "LetterAttachments",
                column: "LetterId");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_MailboxId",
                table: "Letters",
                column: "MailboxId");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_MergedIntoId",
                table: "Letters",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_Number",
                table: "Letters",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Letters_OrganisationId",
                table: "Letters",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_SiteId_PublishedAtUtc",
                table: "Letters",
                columns: new[] { "SiteId", "PublishedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Letters_SiteId_ReceivedOn",
                table: "Letters",
                columns: new[] { "SiteId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Letters_SiteId_Status",
                table: "Letters",
                columns: new[] { "SiteId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Mailboxes_SiteId_Code",
                table: "Mailboxes",
                columns: new[] { "SiteId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationMembers_OrganisationId_UserId_Duty",
                table: "OrganisationMembers",
                columns: new[] { "OrganisationId", "UserId", "Duty" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationMembers_UserId",
                table: "OrganisationMembers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsultationComments");

            migrationBuilder.DropTable(
                name: "LetterAttachments");

            migrationBuilder.DropTable(
                name: "OrganisationMembers");

            migrationBuilder.DropTable(
                name: "Consultations");

            migrationBuilder.DropTable(
                name: "Letters");

            migrationBuilder.DropTable(
                name: "Mailboxes");
        }
    }
}
