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

        [Display(Name = "Phạm vi (tỉnh, xã/phường, cơ sở hoặc sở, ngành)")]
        [StringLength(64, ErrorMessage = Messages.MaxLength)]
        public string? Scope { get; init; }
    }

    public async Task<Result<Guid>> HandleAsync(Input input, CancellationToken cancellationToken)
    {
        // Every problem of the form at once: a weak password is reported together with a wrong scope, not after it.
        var errors = Validation.Errors(input) ?? [];
        void Add(string field, IEnumerable<string> messages) =>
            errors[field] = [.. errors.GetValueOrDefault(field) ?? [], .. messages];
        if (!string.IsNullOrEmpty(input.Role) && !Roles.Exists(input.Role))
            Add(nameof(Input.Role), ["Vai trò không hợp lệ. Các vai trò: " + string.Join(", ", Roles.All) + "."]);

        UserScopes.Resolved? resolved = null;
        if (Roles.Exists(input.Role))
        {
            var scope = await UserScopes.ResolveAsync(db, input.Role!, input.Scope, cancellationToken);
            if (!scope.Succeeded && scope.Failure is Failure.Invalid invalid)
            {
                foreach (var (field, messages) in invalid.Errors)
                    Add(field, messages);
            }
            else if (!scope.Succeeded)
            {
                return scope.Failure;
            }
            else if (!UserScopes.Manages(administrator, scope.Value.ProvinceCode))
            {
                Add(nameof(Input.Scope), [UserScopes.OutsideAdministratorScope]);
            }
            else
            {
                resolved = scope.Value;
            }
        }

        if (!string.IsNullOrEmpty(input.Password))
        {
            var probe = new User { UserName = input.UserName?.Trim() ?? "" };
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, probe, input.Password);
                if (!check.Succeeded)
                {
                    foreach (var (field, messages) in check.Errors.ToFieldErrors())
                        Add(field, messages);
                }
            }
        }

        if (errors.Count > 0 || resolved is null)
            return new Failure.Invalid(errors.Count > 0 ? errors : new Dictionary<string, string[]> { [nameof(Input.Scope)] = ["Vui lòng chọn phạm vi cho tài khoản."] });
        var scopeValue = resolved;

        var user = new User
        {
            UserName = input.UserName!.Trim(),
            FullName = input.FullName!.Trim(),
            Role = input.Role!,
            ScopeKind = scopeValue.Kind,
            ScopeCode = scopeValue.Code,
            ProvinceCode = scopeValue.ProvinceCode,
            CommuneCode = scopeValue.CommuneCode,
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
