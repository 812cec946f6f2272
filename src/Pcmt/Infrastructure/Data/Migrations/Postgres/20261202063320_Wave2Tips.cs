using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Wave2Tips : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "communication_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    agency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    audience = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    participants = table.Column<int>(type: "integer", nullable: false),
                    materials = table.Column<int>(type: "integer", nullable: false),
                    site_id = table.Column<Guid>(type: "uuid", nullable: true),
                    outlet_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_communication_activities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "education_sites",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    people = table.Column<int>(type: "integer", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_education_sites", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "media_outlets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    main = table.Column<bool>(type: "boolean", nullable: false),
                    column_since = table.Column<DateOnly>(type: "date", nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_media_outlets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "supporter_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    measure = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decision_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    from_on = table.Column<DateOnly>(type: "date", nullable: false),
                    to_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supporter_assignments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "team_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    full_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    unit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    phone_protected = table.Column<string>(type: "text", nullable: true),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_team_members", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_communication_activities_province_code_commune_code_held_on",
                table: "communication_activities",
                columns: new[] { "province_code", "commune_code", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_education_sites_province_code_commune_code_kind",
                table: "education_sites",
                columns: new[] { "province_code", "commune_code", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_media_outlets_province_code_commune_code",
                table: "media_outlets",
                columns: new[] { "province_code", "commune_code" });

            migrationBuilder.CreateIndex(
                name: "ix_supporter_assignments_member_id",
                table: "supporter_assignments",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_supporter_assignments_person_id",
                table: "supporter_assignments",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_team_members_province_code_commune_code_team",
                table: "team_members",
                columns: new[] { "province_code", "commune_code", "team" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "communication_activities");

            migrationBuilder.DropTable(
                name: "education_sites");

            migrationBuilder.DropTable(
                name: "media_outlets");

            migrationBuilder.DropTable(
                name: "supporter_assignments");

            migrationBuilder.DropTable(
                name: "team_members");
        }
    }
}
