using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Audit;
using Pcmt.Features.Lifecycle;
using Pcmt.Features.Persons;

namespace Pcmt.Cli;

/// <summary>Lệnh quản trị: <c>pcmt db migrate</c>, <c>pcmt audit verify</c>, <c>pcmt keys rotate</c>, <c>pcmt people import</c>. Commands use the same use-case classes as the web app.</summary>
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
        var template = new Command("template", "Tạo cơ sở dữ liệu SQLite mẫu (cấu trúc và danh mục đơn vị hành chính) để lần chạy đầu sao chép; dùng khi build.");
        template.SetAction(async (_, cancellationToken) =>
            await SqliteTemplate.BuildAsync(scopes, services.GetRequiredService<DatabaseOptions>(), cancellationToken));
        var db = new Command("db", "Quản lý cơ sở dữ liệu.") { migrate, template };

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

        var rotate = new Command("rotate", "Mã hóa lại số định danh, số CMND, số điện thoại, tin tố giác và điện thoại của tổ quản lý, người hỗ trợ bằng khóa đang dùng (Protection:ActiveKey) để có thể thu hồi khóa cũ.");
        rotate.SetAction(async (_, cancellationToken) =>
        {
            using var scope = scopes.CreateScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<RotatePersonalDataKeys>().HandleAsync(500, cancellationToken);
            Console.WriteLine($"Đã mã hóa lại {outcome.Values:N0} giá trị của {outcome.Persons:N0} đối tượng và {outcome.Others:N0} bản ghi khác (tin tố giác, danh sách tổ quản lý, người hỗ trợ).");
            return 0;
        });
        var keys = new Command("keys", "Khóa mã hóa dữ liệu cá nhân.") { rotate };

        var file = new Argument<FileInfo>("tệp") { Description = "Tệp Excel (.xlsx) hoặc CSV (.csv) danh sách đối tượng." };
        var importValid = new Option<bool>("--import-valid") { Description = "Nhập các dòng hợp lệ dù có dòng lỗi (mặc định: cả tệp hoặc không gì cả)." };
        var commune = new Option<string?>("--commune") { Description = "Mã xã/phường cho các dòng không có cột mã xã." };
        var import = new Command("import", "Nhập danh sách đối tượng; dòng bị từ chối được ghi vào tệp …-loi.xlsx bên cạnh tệp nguồn.") { file, importValid, commune };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var source = parse.GetValue(file)!;
            if (!source.Exists)
            {
                Console.Error.WriteLine($"Không tìm thấy tệp {source.FullName}.");
                return 2;
            }

            using var scope = scopes.CreateScope();
            await using var stream = source.OpenRead();
            var progress = new Progress<(int Done, int Total)>(p => { if (p.Done % 500 == 0) Console.Write($"\r{p.Done * 100 / Math.Max(1, p.Total)}%"); });
            var outcome = await scope.ServiceProvider.GetRequiredService<ImportPersons>()
                .HandleAsync(stream, source.Name, new ImportPersons.Options(parse.GetValue(importValid), null, parse.GetValue(commune)), progress, cancellationToken);
            Console.WriteLine($"\rĐã đọc {outcome.Rows:N0} dòng: nhập {outcome.Imported:N0}, từ chối {outcome.Refused:N0}, có thể trùng (chờ rà soát) {outcome.PossibleDuplicates:N0}.");
            if (outcome.PersonIds is { Count: > 0 } created && scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Features.Population.PopulationOptions>>().Value.ChecksImports)
            {
                // Checked against the national population database by the app's background job (issue 16), as the system user.
                var queued = await scope.ServiceProvider.GetRequiredService<Features.Population.PopulationBulkChecks>()
                    .EnqueuePersonsAsync(CurrentUser.System, created, source.Name, null, cancellationToken);
                if (queued.Succeeded)
                    Console.WriteLine($"Đã đưa {created.Count:N0} hồ sơ vừa nhập vào hàng đợi đối chiếu CSDL quốc gia về dân cư (lượt {queued.Value}).");
            }

            if (outcome.UnmappedColumns.Count > 0)
                Console.WriteLine("Các cột không dùng: " + string.Join(", ", outcome.UnmappedColumns));
            if (outcome.RejectFile is not null)
            {
                var rejectPath = Path.Combine(source.DirectoryName!, Path.GetFileNameWithoutExtension(source.Name) + "-loi.xlsx");
                await File.WriteAllBytesAsync(rejectPath, outcome.RejectFile, cancellationToken);
                Console.WriteLine($"Tệp lỗi: {rejectPath}");
                if (outcome.Imported == 0)
                    Console.WriteLine("Không dòng nào được nhập (cả tệp hoặc không gì cả). Sửa các dòng lỗi, hoặc chạy lại với --import-valid.");
            }

            return outcome.Refused > 0 && outcome.Imported == 0 ? 1 : 0;
        });
        var people = new Command("people", "Sổ đăng ký đối tượng.") { import };

        var review = new Command("review", "Rà soát hằng ngày: đánh dấu việc cần làm quá hạn và tính lại tình trạng các hồ sơ có thời hạn (chạy lại nhiều lần không sao).");
        review.SetAction(async (_, cancellationToken) =>
        {
            using var scope = scopes.CreateScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<DailyLegalReview>().RunAsync(cancellationToken);
            Console.WriteLine($"Việc quá hạn mới: {outcome.MarkedOverdue:N0}; hồ sơ được tính lại: {outcome.FilesRefreshed:N0}.");
            return 0;
        });
        var cases = new Command("cases", "Hồ sơ pháp lý (quản lý, cai nghiện, sau cai nghiện).") { review };

        var scale = new Option<string>("--scale") { Description = "province (một tỉnh, mặc định 2.000 đối tượng) hoặc national (cả nước, mặc định 250.000).", DefaultValueFactory = _ => "province" };
        var personsOption = new Option<int?>("--persons") { Description = "Số đối tượng." };
        var seed = new Option<int>("--seed") { Description = "Hạt giống ngẫu nhiên (cùng hạt giống, cùng dữ liệu).", DefaultValueFactory = _ => 2026 };
        var provinceOption = new Option<string?>("--province") { Description = "Mã tỉnh với quy mô province (mặc định 19, Thái Nguyên)." };
        var generate = new Command("generate", "Sinh dữ liệu mô phỏng trên các đơn vị hành chính thật, nạp bằng đường nạp hàng loạt (COPY).") { scale, personsOption, seed, provinceOption };
        generate.SetAction(async (parse, cancellationToken) =>
        {
            using var scope = scopes.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<Features.Demo.GenerateDemoData>().HandleAsync(
                new Features.Demo.GenerateDemoData.Options(parse.GetValue(scale)!, parse.GetValue(personsOption), parse.GetValue(seed), parse.GetValue(provinceOption)), cancellationToken);
            if (!result.Succeeded)
            {
                Console.Error.WriteLine(result.Failure switch
                {
                    Failure.Invalid invalid => string.Join(" ", invalid.Errors.SelectMany(e => e.Value)),
                    Failure.Conflict conflict => conflict.Message,
                    var other => other.ToString(),
                });
                return 1;
            }

            var o = result.Value;
            Console.WriteLine($"Đã sinh {o.Persons:N0} đối tượng, {o.Facts:N0} bản ghi hồ sơ, {o.WorkItems:N0} việc cần làm, {o.ListRows:N0} dòng danh sách trên {o.Communes:N0} xã trong {o.Elapsed.TotalSeconds:N1} giây.");
            if (o.Program is not null)
                Console.WriteLine($"Chương trình, báo cáo, vụ án, tin tố giác: {o.Program}.");
            return 0;
        });
        var demo = new Command("demo", "Dữ liệu mô phỏng.") { generate };

        root.Subcommands.Add(people);
        root.Subcommands.Add(demo);
        root.Subcommands.Add(cases);
        root.Subcommands.Add(db);
        root.Subcommands.Add(keys);
        root.Subcommands.Add(audit);
        return await root.Parse(args).InvokeAsync();
    }
}
