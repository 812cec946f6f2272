using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Pcmt.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClassificationAndIndicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "arrests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    arrested_on = table.Column<DateOnly>(type: "date", nullable: false),
                    offenders = table.Column<int>(type: "integer", nullable: false),
                    resident_offenders = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_arrests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "commune_classifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    @class = table.Column<string>(name: "class", type: "character varying(20)", maxLength: 20, nullable: false),
                    computed_class = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    manual_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    criteria = table.Column<string>(type: "text", nullable: false),
                    criteria_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    computed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    approved_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commune_classifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cultivation_finds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    found_on = table.Column<DateOnly>(type: "date", nullable: false),
                    plants = table.Column<int>(type: "integer", nullable: false),
                    area_m2 = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    destroyed_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cultivation_finds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hotspot_routes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    communes = table.Column<string>(type: "text", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotspot_routes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hotspots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    detected_on = table.Column<DateOnly>(type: "date", nullable: false),
                    cleared_on = table.Column<DateOnly>(type: "date", nullable: true),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotspots", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "indicator_targets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    area_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_targets", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "indicator_targets",
                columns: new[] { "id", "area_code", "code", "source", "value", "year" },
                values: new object[,]
                {
                    { 1L, "VN", "DF-COMMUNE", "Kết luận 132-KL/TW; Nghị quyết 93/NQ-CP", 50m, 2030 },
                    { 2L, "19", "DF-COMMUNE", "Đề án 2026–2030 của tỉnh Thái Nguyên", 50m, 2028 },
                    { 3L, "19", "DF-COMMUNE", "Đề án 2026–2030 của tỉnh Thái Nguyên", 100m, 2030 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_arrests_province_code_commune_code_arrested_on",
                table: "arrests",
                columns: new[] { "province_code", "commune_code", "arrested_on" });

            migrationBuilder.CreateIndex(
                name: "ix_commune_classifications_province_code_year_commune_code",
                table: "commune_classifications",
                columns: new[] { "province_code", "year", "commune_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cultivation_finds_province_code_commune_code_found_on",
                table: "cultivation_finds",
                columns: new[] { "province_code", "commune_code", "found_on" });

            migrationBuilder.CreateIndex(
                name: "ix_hotspot_routes_province_code",
                table: "hotspot_routes",
                column: "province_code");

            migrationBuilder.CreateIndex(
                name: "ix_hotspots_province_code_commune_code_detected_on",
                table: "hotspots",
                columns: new[] { "province_code", "commune_code", "detected_on" });

            migrationBuilder.CreateIndex(
                name: "ix_indicator_targets_code_area_code_year",
                table: "indicator_targets",
                columns: new[] { "code", "area_code", "year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "arrests");

            migrationBuilder.DropTable(
                name: "commune_classifications");

            migrationBuilder.DropTable(
                name: "cultivation_finds");

            migrationBuilder.DropTable(
                name: "hotspot_routes");

            migrationBuilder.DropTable(
                name: "hotspots");

            migrationBuilder.DropTable(
                name: "indicator_targets");
        }
    }
}
