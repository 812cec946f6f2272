using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Users;

/// <summary>Sửa tài khoản: changes name, role, scope and the lock; refuses a stale edit; signs the user out everywhere when access changes.</summary>
public sealed class UpdateUser(AppDbContext db, UserManager<User> users, CurrentUser currentUser)
{
    public sealed record Input
    {
        [Display(Name = "Họ và tên")]
        [Required(ErrorMessage = Messages.Required), StringLength(100, ErrorMessage = Messages.MaxLength)]
        public string? FullName { get; init; }

        [Display(Name = "Vai trò")]
        [Required(ErrorMessage = Messages.Required)]
        public string? Role { get; init; }

        [Display(Name = "Phạm vi (tỉnh, xã/phường, cơ sở hoặc sở, ngành)")]
        [StringLength(64, ErrorMessage = Messages.MaxLength)]
        public string? Scope { get; init; }

        [Display(Name = "Khóa tài khoản")]
        public bool Locked { get; init; }

        /// <summary>The concurrency stamp the editor saw.</summary>
        [Required(ErrorMessage = Messages.Required)]
        public string? Version { get; init; }
    }

    public async Task<Result<bool>> HandleAsync(Guid id, Input input, CancellationToken cancellationToken)
    {
        if (Validation.Errors(input) is { } errors)
            return new Failure.Invalid(errors);
        if (!Roles.Exists(input.Role))
            return new Failure.Invalid(nameof(Input.Role), "Vai trò không hợp lệ.");

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null || !UserScopes.Manages(currentUser, user.ProvinceCode))
            return new Failure.NotFound();
        if (user.ConcurrencyStamp != input.Version)
            return new Failure.Conflict(Messages.StaleEdit);
        if (user.Id == currentUser.Id && (input.Locked || input.Role != user.Role))
            return new Failure.Invalid(nameof(Input.Role), "Không thể tự khóa hoặc tự đổi vai trò của chính mình.");

        var scope = await UserScopes.ResolveAsync(db, input.Role!, input.Scope, cancellationToken);
        if (!scope.Succeeded)
            return scope.Failure;
        if (!UserScopes.Manages(currentUser, scope.Value.ProvinceCode))
            return new Failure.Invalid(nameof(Input.Scope), UserScopes.OutsideAdministratorScope);

        var accessChanged = user.Role != input.Role || user.ScopeCode != scope.Value.Code || input.Locked;
        user.FullName = input.FullName!.Trim();
        user.Role = input.Role!;
        user.ScopeKind = scope.Value.Kind;
        user.ScopeCode = scope.Value.Code;
        user.ProvinceCode = scope.Value.ProvinceCode;
        user.CommuneCode = scope.Value.CommuneCode;
        user.LockoutEnd = input.Locked ? DateTimeOffset.MaxValue : null;
        if (accessChanged)
            user.SecurityStamp = Guid.NewGuid().ToString("N"); // invalidates existing cookies at the next stamp check

        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? new Failure.Conflict(Messages.StaleEdit)
                : new Failure.Invalid(result.Errors.ToFieldErrors());
        }

        return true;
    }
}
