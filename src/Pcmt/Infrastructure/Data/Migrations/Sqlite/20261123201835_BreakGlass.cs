using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BreakGlass : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_grants",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    granted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    reviewed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_grants", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_duplicate_reviews_person_id",
                table: "duplicate_reviews",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_duplicate_reviews_province_code_commune_code_outcome",
                table: "duplicate_reviews",
                columns: new[] { "province_code", "commune_code", "outcome" });

            migrationBuilder.CreateIndex(
                name: "ix_access_grants_reviewed_at",
                table: "access_grants",
                column: "reviewed_at");

            migrationBuilder.CreateIndex(
                name: "ix_access_grants_user_id_person_id_expires_at",
                table: "access_grants",
                columns: new[] { "user_id", "person_id", "expires_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_grants");

            migrationBuilder.DropIndex(
                name: "ix_duplicate_reviews_person_id",
                table: "duplicate_reviews");

            migrationBuilder.DropIndex(
                name: "ix_duplicate_reviews_province_code_commune_code_outcome",
                table: "duplicate_reviews");
        }
    }
}
