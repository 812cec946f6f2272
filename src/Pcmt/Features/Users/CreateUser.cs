using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Pcmt.Features.Users;

/// <summary>Tạo tài khoản: an administrator creates a user with one role and one scope.</summary>
public sealed class CreateUser(AppDbContext db, UserManager<User> users, CurrentUser administrator, TimeProvider clock)
{
    public sealed record Input
    {
        [Display(Name = "Tên đăng nhập")]
        [Required(ErrorMessage = Messages.Required), StringLength(64, MinimumLength = 3, ErrorMessage = Messages.LengthRange)]
        public string? UserName { get; init; }

        [Display(Name = "Mật khẩu")]
        [Required(ErrorMessage = Messages.Required), StringLength(128, ErrorMessage = Messages.MaxLength)]
        [DataType(DataType.Password)]
        public string? Password { get; init; }

        [Display(Name = "Họ và tên")]
        [Required(ErrorMessage = Messages.Required), StringLength(100, ErrorMessage = Messages.MaxLength)]
        public string? FullName { get; init; }

        [Display(Name = "Vai trò")]
        [Required(ErrorMessage = Messages.Required)]
        public string? Role { get; init; }

        [Display(Name = "Phạm vi (mã tỉnh, mã xã hoặc mã cơ sở/sở, ngành)")]
        [StringLength(64, ErrorMessage = Messages.MaxLength)]
        public string? Scope { get; init; }
    }

    public async Task<Result<Guid>> HandleAsync(Input input, CancellationToken cancellationToken)
    {
        if (Validation.Errors(input) is { } errors)
            return new Failure.Invalid(errors);
        if (!Roles.Exists(input.Role))
            return new Failure.Invalid(nameof(Input.Role), "Vai trò không hợp lệ. Các vai trò: " + string.Join(", ", Roles.All) + ".");

        var scope = await UserScopes.ResolveAsync(db, input.Role!, input.Scope, cancellationToken);
        if (!scope.Succeeded)
            return scope.Failure;
        if (!UserScopes.Manages(administrator, scope.Value.ProvinceCode))
            return new Failure.Invalid(nameof(Input.Scope), UserScopes.OutsideAdministratorScope);

        var user = new User
        {
            UserName = input.UserName!.Trim(),
            FullName = input.FullName!.Trim(),
            Role = input.Role!,
            ScopeKind = scope.Value.Kind,
            ScopeCode = scope.Value.Code,
            ProvinceCode = scope.Value.ProvinceCode,
            CommuneCode = scope.Value.CommuneCode,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        if (await users.FindByNameAsync(user.UserName) is not null)
            return new Failure.Conflict($"Tên đăng nhập '{user.UserName}' đã được sử dụng.");

        var result = await users.CreateAsync(user, input.Password!);
        if (!result.Succeeded)
            return new Failure.Invalid(result.Errors.ToFieldErrors());
        return user.Id;
    }
}
