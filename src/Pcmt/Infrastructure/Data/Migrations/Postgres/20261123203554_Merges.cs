using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Merges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "merged_into_id",
                table: "persons",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_persons_merged_into_id",
                table: "persons",
                column: "merged_into_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_persons_merged_into_id",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "persons");
        }
    }
}
