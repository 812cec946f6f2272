namespace Pcmt.Tests.Security;

public sealed class RolesTests
{
    [Fact]
    public void The_roles_are_exactly_those_of_the_api_contract() =>
        Assert.Equal(
            ["admin", "province-police", "commune-police", "commune-committee", "health-staff", "facility-staff", "department", "viewer"],
            Roles.All);

    [Fact]
    public void Every_role_has_a_vietnamese_name_and_at_least_one_allowed_scope()
    {
        foreach (var role in Roles.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(Roles.DisplayNames[role]));
            Assert.NotEmpty(Roles.ScopesFor(role));
        }
    }

    [Fact]
    public void Only_the_administrator_manages_users_and_reads_the_audit_log()
    {
        Assert.Equal(["admin"], Roles.All.Where(r => Roles.IsGranted(r, Permissions.ManageUsers)));
        Assert.Equal(["admin"], Roles.All.Where(r => Roles.IsGranted(r, Permissions.ViewAuditLog)));
    }

    [Fact]
    public void Aggregate_only_roles_do_not_read_person_files_and_are_not_forced_to_two_factor()
    {
        Assert.False(Roles.ReadsPersonFiles(Roles.Viewer));
        Assert.False(Roles.ReadsPersonFiles(Roles.Department));
        Assert.True(Roles.ReadsPersonFiles(Roles.CommunePolice));
        Assert.True(Roles.ReadsPersonFiles(Roles.HealthStaff));
    }

    [Fact]
    public void An_unknown_role_is_granted_nothing()
    {
        Assert.All(Permissions.All, p => Assert.False(Roles.IsGranted("root", p)));
        Assert.All(Permissions.All, p => Assert.False(Roles.IsGranted(null, p)));
    }

    [Fact]
    public void Commune_users_cover_only_their_own_commune()
    {
        var officer = new CurrentUser(Guid.NewGuid(), "cb", Roles.CommunePolice, ScopeKind.Commune, "05443", "19", "05443");
        Assert.True(officer.Covers("19", "05443"));
        Assert.False(officer.Covers("19", "01840"));
        Assert.False(officer.Covers("19", null));
        Assert.False(officer.Covers("01", "05443"));
    }

    [Fact]
    public void Province_users_cover_every_commune_of_their_province_only()
    {
        var officer = new CurrentUser(Guid.NewGuid(), "ca", Roles.ProvincePolice, ScopeKind.Province, "19", "19", null);
        Assert.True(officer.Covers("19", "05443"));
        Assert.True(officer.Covers("19", null));
        Assert.False(officer.Covers("01", "00004"));
        Assert.False(CurrentUser.Anonymous.Covers("19", "05443"));
    }
}
