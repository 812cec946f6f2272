using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Pcmt.Features.Users;

/// <summary>Tạo quản trị viên đầu tiên: creates the account "admin" on first start, with the password from PCMT_ADMIN_PASSWORD or a generated one printed once.</summary>
public sealed class EnsureAdministrator(UserManager<User> users, IConfiguration configuration, TimeProvider clock, ILogger<EnsureAdministrator> logger)
{
    public const string UserName = "admin";
    public const string PasswordVariable = "PCMT_ADMIN_PASSWORD";
    private const int MinimumLength = 8;

    public async Task HandleAsync(CancellationToken cancellationToken)
    {
        if (await users.FindByNameAsync(UserName) is not null)
            return;

        var configured = configuration[PasswordVariable];
        if (configured is { Length: < MinimumLength })
            throw new InvalidOperationException($"{PasswordVariable} phải có ít nhất {MinimumLength} ký tự.");
        var password = string.IsNullOrEmpty(configured) ? Generate() : configured;

        var admin = new User
        {
            UserName = UserName,
            FullName = "Quản trị hệ thống",
            Role = Roles.Admin,
            ScopeKind = ScopeKind.National,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        // The operator chose this password deliberately: hash it without the complexity rules meant for everyday accounts.
        admin.PasswordHash = users.PasswordHasher.HashPassword(admin, password);
        var result = await users.CreateAsync(admin);
        if (!result.Succeeded)
            throw new InvalidOperationException("Could not create the administrator: " + string.Join("; ", result.Errors.Select(e => e.Description)));

        logger.LogInformation("Created the first administrator account");
        if (string.IsNullOrEmpty(configured))
        {
            // Printed to the console once, deliberately not through the logger (logs are shipped elsewhere).
            Console.WriteLine();
            Console.WriteLine("==============================================================");
            Console.WriteLine(" Đã tạo tài khoản quản trị đầu tiên.");
            Console.WriteLine($" Tên đăng nhập: {UserName}");
            Console.WriteLine($" Mật khẩu:      {password}");
            Console.WriteLine(" Mật khẩu này chỉ hiển thị một lần. Hãy đổi mật khẩu sau khi đăng nhập.");
            Console.WriteLine("==============================================================");
            Console.WriteLine();
        }
    }

    private static string Generate()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return "Pc" + RandomNumberGenerator.GetString(alphabet, 18) + "9";
    }
}
