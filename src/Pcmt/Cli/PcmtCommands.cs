using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Audit;
using Pcmt.Features.Persons;

namespace Pcmt.Cli;

/// <summary>Lệnh quản trị: <c>pcmt db migrate</c>, <c>pcmt audit verify</c>, <c>pcmt keys rotate</c>. Commands use the same use-case classes as the web app.</summary>
public static class PcmtCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var root = new RootCommand("PCMT — Hệ thống thông tin quản lý phòng, chống ma túy. Không có lệnh: chạy ứng dụng web.");

        var migrate = new Command("migrate", "Cập nhật cấu trúc cơ sở dữ liệu, nạp danh mục đơn vị hành chính và tạo tài khoản quản trị đầu tiên.");
        migrate.SetAction(async (_, cancellationToken) =>
        {
            await DatabaseInitializer.PrepareAsync(scopes, cancellationToken);
            using var scope = scopes.CreateScope();
            var applied = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetAppliedMigrationsAsync(cancellationToken);
            Console.WriteLine($"Cơ sở dữ liệu đã được cập nhật ({applied.Count()} bản cập nhật cấu trúc).");
            return 0;
        });
        var db = new Command("db", "Quản lý cơ sở dữ liệu.") { migrate };

        var verify = new Command("verify", "Kiểm tra chuỗi băm của nhật ký; trả mã lỗi khác 0 nếu có bản ghi bị sửa hoặc xóa.");
        verify.SetAction(async (_, cancellationToken) =>
        {
            using var scope = scopes.CreateScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<VerifyAuditChain>().HandleAsync(cancellationToken);
            if (outcome.Intact)
            {
                Console.WriteLine($"Nhật ký toàn vẹn: {outcome.Entries:N0} bản ghi. Mã băm cuối: {outcome.HeadHash ?? "(trống)"}");
                return 0;
            }

            Console.Error.WriteLine($"NHẬT KÝ KHÔNG TOÀN VẸN tại bản ghi số {outcome.BrokenAt:N0}: {outcome.Reason}. Đã kiểm tra {outcome.Entries:N0} bản ghi trước đó.");
            return 2;
        });
        var audit = new Command("audit", "Nhật ký hệ thống.") { verify };

        var rotate = new Command("rotate", "Mã hóa lại số định danh, số CMND, số điện thoại bằng khóa đang dùng (Protection:ActiveKey) để có thể thu hồi khóa cũ.");
        rotate.SetAction(async (_, cancellationToken) =>
        {
            using var scope = scopes.CreateScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<RotatePersonalDataKeys>().HandleAsync(500, cancellationToken);
            Console.WriteLine($"Đã mã hóa lại {outcome.Values:N0} giá trị của {outcome.Persons:N0} đối tượng.");
            return 0;
        });
        var keys = new Command("keys", "Khóa mã hóa dữ liệu cá nhân.") { rotate };

        root.Subcommands.Add(db);
        root.Subcommands.Add(keys);
        root.Subcommands.Add(audit);
        return await root.Parse(args).InvokeAsync();
    }
}
