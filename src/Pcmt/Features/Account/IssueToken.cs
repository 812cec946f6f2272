using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Pcmt.Features.Users;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.Account;

/// <summary>Cấp mã truy cập API: checks the password (with lockout) and the second factor, and returns the principal for a bearer token.</summary>
public sealed class IssueToken(UserManager<User> users, SignInManager<User> signIn, TwoFactorPolicy twoFactor, AuditLog audit)
{
    public const string BadCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";
    public const string LockedOut = "Tài khoản đang tạm khóa do đăng nhập sai nhiều lần hoặc do quản trị viên khóa. Vui lòng thử lại sau.";

    public sealed record Input
    {
        [Display(Name = "tên đăng nhập")]
        [Required(ErrorMessage = Messages.Required), StringLength(256, ErrorMessage = Messages.MaxLength)]
        public string? UserName { get; init; }

        [Display(Name = "mật khẩu")]
        [Required(ErrorMessage = Messages.Required), StringLength(256, ErrorMessage = Messages.MaxLength)]
        public string? Password { get; init; }

        [Display(Name = "mã xác thực hai lớp")]
        [StringLength(32, ErrorMessage = Messages.MaxLength)]
        public string? Otp { get; init; }
    }

    /// <summary>Unauthorized (401) is a failure of its own: the caller's credentials are wrong, not their request.</summary>
    public sealed record Unauthorized(string Message);

    public async Task<(ClaimsPrincipal? Principal, Failure? Failure, Unauthorized? Unauthorized)> HandleAsync(Input input, CancellationToken cancellationToken)
    {
        if (Validation.Errors(input) is { } errors)
            return (null, new Failure.Invalid(errors), null);

        var user = await users.FindByNameAsync(input.UserName!);
        if (user is null)
            return (null, null, new Unauthorized(BadCredentials));

        var check = await signIn.CheckPasswordSignInAsync(user, input.Password!, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            await audit.RecordSignInAsync(user.Id, user.UserName!, succeeded: false, "api", cancellationToken);
            return (null, null, new Unauthorized(check.IsLockedOut ? LockedOut : BadCredentials));
        }

        if (twoFactor.IsRequiredFor(user) && !user.TwoFactorEnabled)
        {
            return (null, new Failure.Invalid(nameof(Input.Otp),
                "Tài khoản này bắt buộc xác thực hai lớp nhưng chưa cài đặt. Hãy đăng nhập trên trang web để cài đặt ứng dụng xác thực trước khi dùng API."), null);
        }

        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(input.Otp))
                return (null, new Failure.Invalid(nameof(Input.Otp), "Vui lòng nhập mã xác thực hai lớp (6 chữ số từ ứng dụng xác thực)."), null);

            var code = input.Otp.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                await audit.RecordSignInAsync(user.Id, user.UserName!, succeeded: false, "api-otp", cancellationToken);
                return (null, null, new Unauthorized("Mã xác thực hai lớp không đúng hoặc đã hết hạn."));
            }
        }

        await audit.RecordSignInAsync(user.Id, user.UserName!, succeeded: true, "api", cancellationToken);
        return (await signIn.CreateUserPrincipalAsync(user), null, null);
    }
}
