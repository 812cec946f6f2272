using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;

namespace Pcmt.Features.Users;

/// <summary>Turns the contract's single "scope" value into the user's scope kind, province and commune, checked against the role.</summary>
public static partial class UserScopes
{
    public sealed record Resolved(ScopeKind Kind, string? Code, string? ProvinceCode, string? CommuneCode);

    public static async Task<Result<Resolved>> ResolveAsync(AppDbContext db, string role, string? scope, CancellationToken cancellationToken)
    {
        var allowed = Roles.ScopesFor(role);
        scope = string.IsNullOrWhiteSpace(scope) ? null : scope.Trim();

        if (scope is null)
        {
            return allowed.Contains(ScopeKind.National)
                ? new Resolved(ScopeKind.National, null, null, null)
                : new Failure.Invalid("scope", "Vui lòng chọn phạm vi (tỉnh, xã/phường, cơ sở hoặc sở, ngành) cho tài khoản.");
        }

        if (allowed.Contains(ScopeKind.Department))
        {
            // Agencies (issue 12): a department user's scope is a registered agency code; the user works in its province.
            var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Code == scope, cancellationToken);
            return agency is null
                ? new Failure.Invalid("scope", $"Không tìm thấy cơ quan, đơn vị có mã '{scope}': hãy đăng ký cơ quan trước (mục Cơ quan, đơn vị).")
                : new Resolved(ScopeKind.Department, agency.Code, agency.ProvinceCode, null);
        }

        if (allowed.Contains(ScopeKind.Facility) && Guid.TryParse(scope, out var facilityId))
        {
            // Facility staff (issue 16): the id of a registered facility; its staff see the persons placed there.
            return await db.Facilities.AsNoTracking().AnyAsync(f => f.Id == facilityId, cancellationToken)
                ? new Resolved(ScopeKind.Facility, facilityId.ToString(), null, null)
                : new Failure.Invalid("scope", $"Không tìm thấy cơ sở có mã '{scope}': hãy đăng ký cơ sở trước (mục Cơ sở).");
        }

        if (allowed.Contains(ScopeKind.Facility))
        {
            // Facility and department registers come with the lifecycle and reporting modules; until then the id is kept as given.
            return OrganisationId().IsMatch(scope)
                ? new Resolved(allowed[0], scope, null, null)
                : new Failure.Invalid("scope", "Mã cơ sở/sở, ngành chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (tối đa 64 ký tự).");
        }

        var unit = await db.AdministrativeUnits.FindCurrentAsync(scope, cancellationToken);
        if (unit is null)
            return new Failure.Invalid("scope", $"Không tìm thấy đơn vị hành chính có mã '{scope}'.");

        return unit.Level switch
        {
            UnitLevel.Province when allowed.Contains(ScopeKind.Province) => new Resolved(ScopeKind.Province, unit.Code, unit.Code, null),
            UnitLevel.Commune when allowed.Contains(ScopeKind.Commune) => new Resolved(ScopeKind.Commune, unit.Code, unit.ProvinceCode, unit.Code),
            _ => new Failure.Invalid("scope", $"Vai trò '{Roles.DisplayNames[role]}' không dùng phạm vi {(unit.Level == UnitLevel.Province ? "cấp tỉnh" : "cấp xã")}: "
                + (allowed.Contains(ScopeKind.Commune) ? "hãy chọn một xã/phường/đặc khu." : "hãy chọn một tỉnh/thành phố.")),
        };
    }

    /// <summary>A national administrator manages every account; a provincial one only accounts in that province.</summary>
    public static bool Manages(CurrentUser administrator, string? provinceCode) =>
        administrator.SeesWholeInstallation || (provinceCode is not null && provinceCode == administrator.ProvinceCode);

    public const string OutsideAdministratorScope = "Tài khoản này thuộc phạm vi ngoài tỉnh bạn quản trị.";

    public static string Describe(ScopeKind kind, string? code, string? unitName) => kind switch
    {
        ScopeKind.National => "Toàn quốc",
        ScopeKind.Facility => unitName ?? $"Cơ sở {code}",
        ScopeKind.Department => unitName ?? $"Cơ quan {code}",
        _ => unitName ?? code ?? "",
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex OrganisationId();
}
