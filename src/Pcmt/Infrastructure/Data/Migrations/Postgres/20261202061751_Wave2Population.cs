using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Wave2Population : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "facility_residents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    facility_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facility_residents", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_facility_residents_facility_id_person_id",
                table: "facility_residents",
                columns: new[] { "facility_id", "person_id" });

            migrationBuilder.CreateIndex(
                name: "ix_facility_residents_person_id_source_id",
                table: "facility_residents",
                columns: new[] { "person_id", "source_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "facility_residents");
        }
    }
}
