using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
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

            migrationBuilder.CreateTable(
                name: "administrative_units",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    search_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    parent_id = table.Column<int>(type: "INTEGER", nullable: true),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_administrative_units", x => x.id);
                    table.ForeignKey(
                        name: "fk_administrative_units_administrative_units_parent_id",
                        column: x => x.parent_id,
                        principalTable: "administrative_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    entity_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    detail = table.Column<string>(type: "TEXT", nullable: true),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    previous_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "duplicate_reviews",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    candidate_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    score = table.Column<int>(type: "INTEGER", nullable: false),
                    reasons = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_duplicate_reviews", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    scope_kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    scope_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    import_valid_rows = table.Column<bool>(type: "INTEGER", nullable: false),
                    default_commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    done = table.Column<int>(type: "INTEGER", nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: false),
                    result = table.Column<string>(type: "TEXT", nullable: true),
                    reject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    heartbeat_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_rejects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_rejects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "persons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    full_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    search_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    birth_year = table.Column<int>(type: "INTEGER", nullable: false),
                    sex = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    citizen_id_protected = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    citizen_id_index = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    citizen_id_override_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    legacy_id_protected = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    legacy_id_index = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    phone_protected = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ethnicity = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    occupation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    education = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    marital_status = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    permanent_commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    permanent_address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    temporary_commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    temporary_address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    current_commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    current_address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    guardian_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    guardian_relation = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    guardian_phone_protected = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    substances = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    flags = table.Column<int>(type: "INTEGER", nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    merged_into_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_persons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "transfers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    from_commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    to_province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    to_commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    requested_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    due_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    accepted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    accepted_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    full_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    scope_kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    scope_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "commune_populations",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    residents = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commune_populations", x => x.id);
                    table.ForeignKey(
                        name: "fk_commune_populations_administrative_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "administrative_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unit_successions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    predecessor_id = table.Column<int>(type: "INTEGER", nullable: false),
                    successor_id = table.Column<int>(type: "INTEGER", nullable: false),
                    is_whole = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_successions", x => x.id);
                    table.ForeignKey(
                        name: "fk_unit_successions_administrative_units_predecessor_id",
                        column: x => x.predecessor_id,
                        principalTable: "administrative_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_unit_successions_administrative_units_successor_id",
                        column: x => x.successor_id,
                        principalTable: "administrative_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "person_aliases",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    search_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person_aliases", x => x.id);
                    table.ForeignKey(
                        name: "fk_person_aliases_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_grants_reviewed_at",
                table: "access_grants",
                column: "reviewed_at");

            migrationBuilder.CreateIndex(
                name: "ix_access_grants_user_id_person_id_expires_at",
                table: "access_grants",
                columns: new[] { "user_id", "person_id", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_administrative_units_code",
                table: "administrative_units",
                column: "code");

            migrationBuilder.CreateIndex(
                name: "ix_administrative_units_level_code",
                table: "administrative_units",
                columns: new[] { "level", "code" },
                unique: true,
                filter: "valid_to IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_administrative_units_parent_id",
                table: "administrative_units",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_administrative_units_province_code_level",
                table: "administrative_units",
                columns: new[] { "province_code", "level" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_type_entity_key",
                table: "audit_entries",
                columns: new[] { "entity_type", "entity_key" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_person_id_at",
                table: "audit_entries",
                columns: new[] { "person_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_user_id_at",
                table: "audit_entries",
                columns: new[] { "user_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_commune_populations_province_code_year",
                table: "commune_populations",
                columns: new[] { "province_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_commune_populations_unit_id_year",
                table: "commune_populations",
                columns: new[] { "unit_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_duplicate_reviews_person_id",
                table: "duplicate_reviews",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_duplicate_reviews_province_code_commune_code_outcome",
                table: "duplicate_reviews",
                columns: new[] { "province_code", "commune_code", "outcome" });

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_status_created_at",
                table: "import_jobs",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_user_id_created_at",
                table: "import_jobs",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_import_rejects_user_id_created_at",
                table: "import_rejects",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_person_aliases_person_id",
                table: "person_aliases",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_person_aliases_search_name",
                table: "person_aliases",
                column: "search_name");

            migrationBuilder.CreateIndex(
                name: "ix_persons_birth_year_sex",
                table: "persons",
                columns: new[] { "birth_year", "sex" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_citizen_id_index",
                table: "persons",
                column: "citizen_id_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_persons_file_code",
                table: "persons",
                column: "file_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_persons_legacy_id_index",
                table: "persons",
                column: "legacy_id_index");

            migrationBuilder.CreateIndex(
                name: "ix_persons_merged_into_id",
                table: "persons",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_persons_province_code_commune_code",
                table: "persons",
                columns: new[] { "province_code", "commune_code" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_search_name",
                table: "persons",
                column: "search_name");

            migrationBuilder.CreateIndex(
                name: "ix_transfers_from_province_code_from_commune_code_accepted_at",
                table: "transfers",
                columns: new[] { "from_province_code", "from_commune_code", "accepted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_transfers_person_id_accepted_at",
                table: "transfers",
                columns: new[] { "person_id", "accepted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_transfers_to_province_code_to_commune_code_accepted_at",
                table: "transfers",
                columns: new[] { "to_province_code", "to_commune_code", "accepted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_unit_successions_predecessor_id_successor_id",
                table: "unit_successions",
                columns: new[] { "predecessor_id", "successor_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_unit_successions_successor_id",
                table: "unit_successions",
                column: "successor_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users",
                column: "normalized_user_name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_grants");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "commune_populations");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "duplicate_reviews");

            migrationBuilder.DropTable(
                name: "import_jobs");

            migrationBuilder.DropTable(
                name: "import_rejects");

            migrationBuilder.DropTable(
                name: "person_aliases");

            migrationBuilder.DropTable(
                name: "transfers");

            migrationBuilder.DropTable(
                name: "unit_successions");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "persons");

            migrationBuilder.DropTable(
                name: "administrative_units");

            migrationBuilder.DropTable(
                name: "users");
        }
    }
}
