using Microsoft.AspNetCore.Identity;

namespace Pcmt.Features.Users;

/// <summary>Đặt lại mật khẩu / xác thực hai lớp: an administrator sets a new password or removes a lost authenticator (the user enrols again at next sign-in).</summary>
public sealed class ResetCredentials(UserManager<User> users, CurrentUser administrator)
{
    public async Task<Result<bool>> SetPasswordAsync(Guid id, string? newPassword)
    {
        if (string.IsNullOrWhiteSpace(newPassword))
            return new Failure.Invalid("Password", "Vui lòng nhập mật khẩu mới.");
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null || !UserScopes.Manages(administrator, user.ProvinceCode))
            return new Failure.NotFound();

        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, newPassword);
            if (!check.Succeeded)
                return new Failure.Invalid(check.Errors.ToFieldErrors());
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword);
        await users.UpdateSecurityStampAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        return true;
    }

    public async Task<Result<bool>> ResetTwoFactorAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null || !UserScopes.Manages(administrator, user.ProvinceCode))
            return new Failure.NotFound();

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return true;
    }
}
