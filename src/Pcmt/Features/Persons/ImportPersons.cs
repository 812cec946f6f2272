using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Pcmt.Infrastructure.Text;

namespace Pcmt.Features.Persons;

/// <summary>
/// Nhập danh sách đối tượng từ Excel (.xlsx) hoặc CSV, as provinces keep them today: columns are mapped by their Vietnamese
/// headers (or an explicit mapping), every row goes through the same rules as the form, duplicates are checked against the
/// registry and within the file, and refused rows come back in a reject file with the reason in Vietnamese.
/// All or nothing per file, unless the caller chooses to import the valid rows.
/// </summary>
public sealed class ImportPersons(AppDbContext db, PersonRules rules, RegisterPerson register)
{
    public const string ErrorColumn = "Lỗi";

    /// <summary>Folded header → input field. Several spellings per field, as real lists use them.</summary>
    private static readonly Dictionary<string, string> KnownHeaders = new()
    {
        ["ho va ten"] = nameof(PersonInput.FullName),
        ["ho ten"] = nameof(PersonInput.FullName),
        ["ten"] = nameof(PersonInput.FullName),
        ["ten goi khac"] = nameof(PersonInput.Aliases),
        ["biet danh"] = nameof(PersonInput.Aliases),
        ["ten khac"] = nameof(PersonInput.Aliases),
        ["ngay sinh"] = nameof(PersonInput.DateOfBirth),
        ["nam sinh"] = nameof(PersonInput.DateOfBirth),
        ["ngay thang nam sinh"] = nameof(PersonInput.DateOfBirth),
        ["gioi tinh"] = nameof(PersonInput.Sex),
        ["so dinh danh"] = nameof(PersonInput.CitizenId),
        ["so dinh danh ca nhan"] = nameof(PersonInput.CitizenId),
        ["cccd"] = nameof(PersonInput.CitizenId),
        ["so cccd"] = nameof(PersonInput.CitizenId),
        ["can cuoc"] = nameof(PersonInput.CitizenId),
        ["so can cuoc"] = nameof(PersonInput.CitizenId),
        ["cmnd"] = nameof(PersonInput.LegacyId),
        ["so cmnd"] = nameof(PersonInput.LegacyId),
        ["so dien thoai"] = nameof(PersonInput.Phone),
        ["dien thoai"] = nameof(PersonInput.Phone),
        ["sdt"] = nameof(PersonInput.Phone),
        ["dan toc"] = nameof(PersonInput.Ethnicity),
        ["nghe nghiep"] = nameof(PersonInput.Occupation),
        ["trinh do"] = nameof(PersonInput.Education),
        ["trinh do hoc van"] = nameof(PersonInput.Education),
        ["hon nhan"] = nameof(PersonInput.MaritalStatus),
        ["tinh trang hon nhan"] = nameof(PersonInput.MaritalStatus),
        ["ma xa"] = nameof(PersonInput.ResidenceCommuneCode),
        ["ma xa phuong"] = nameof(PersonInput.ResidenceCommuneCode),
        ["ma don vi"] = nameof(PersonInput.ResidenceCommuneCode),
        ["dia chi"] = nameof(PersonInput.Address),
        ["noi o hien tai"] = nameof(PersonInput.Address),
        ["dia chi noi o"] = nameof(PersonInput.Address),
        ["chat su dung"] = nameof(PersonInput.Substances),
        ["loai ma tuy"] = nameof(PersonInput.Substances),
        ["chat ma tuy"] = nameof(PersonInput.Substances),
    };

    public sealed record Options(bool ImportValidRows = false, IReadOnlyDictionary<string, string>? Mapping = null, string? DefaultCommuneCode = null);

    public sealed record RowError(int Row, string Message);

    public sealed record Outcome(int Rows, int Imported, int Refused, int PossibleDuplicates, IReadOnlyList<RowError> Errors, IReadOnlyList<string> UnmappedColumns, byte[]? RejectFile)
    {
        public bool Succeeded => Refused == 0 || Imported > 0;
    }

    public async Task<Outcome> HandleAsync(Stream file, string fileName, Options options, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var type = fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ExcelType.CSV : ExcelType.XLSX;
        var rows = MiniExcel.Query(file, useHeaderRow: true, excelType: type)
            .Cast<IDictionary<string, object?>>()
            .Where(r => r.Values.Any(v => !string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture))))
            .ToList();
        var headers = rows.Count > 0 ? rows[0].Keys.ToList() : [];
        var mapping = headers.ToDictionary(h => h, h => Map(h, options.Mapping));
        var unmapped = mapping.Where(m => m.Value is null).Select(m => m.Key).ToList();

        var errors = new List<RowError>();
        var refusedRows = new List<(IDictionary<string, object?> Row, string Message)>();
        var valid = new List<(int Row, RegisterPerson.Input Input)>();
        var seenIds = new Dictionary<string, int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var rowNumber = i + 2; // the header is row 1, as the user sees it in Excel
            var (input, shapeError) = ToInput(rows[i], mapping, options.DefaultCommuneCode);
            var messages = new List<string>();
            if (shapeError is not null)
                messages.Add(shapeError);
            else
            {
                var check = await rules.CheckAsync(input, cancellationToken);
                if (!check.Succeeded)
                    messages.AddRange(Describe(check.Failure));
                else if (check.Value.CitizenId is { } citizenId)
                {
                    if (seenIds.TryGetValue(citizenId, out var firstRow))
                        messages.Add($"Số định danh trùng với dòng {firstRow} trong cùng tệp.");
                    else if (await db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AnyAsync(p => p.CitizenIdIndex == rules.Index(citizenId), cancellationToken))
                        messages.Add("Số định danh cá nhân này đã có trong sổ đăng ký.");
                    else
                        seenIds[citizenId] = rowNumber;
                }
            }

            if (messages.Count > 0)
            {
                var message = string.Join(" ", messages);
                errors.Add(new RowError(rowNumber, message));
                refusedRows.Add((rows[i], message));
            }
            else
            {
                valid.Add((rowNumber, input));
            }

            progress?.Report((i + 1, rows.Count * 2));
        }

        var imported = 0;
        var possibleDuplicates = 0;
        if (errors.Count == 0 || options.ImportValidRows)
        {
            // One transaction: a crash half-way leaves the registry as it was.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (row, input) in valid)
            {
                var result = await register.HandleAsync(input, cancellationToken);
                if (result.Succeeded)
                {
                    imported++;
                    possibleDuplicates += result.Value.PossibleDuplicates.Count > 0 || result.Value.PossibleDuplicatesElsewhere > 0 ? 1 : 0;
                }
                else
                {
                    var message = string.Join(" ", Describe(result.Failure));
                    errors.Add(new RowError(row, message));
                    refusedRows.Add((rows[row - 2], message));
                }

                // Saved rows need no tracking; a growing change tracker made each save slower (quadratic over the file).
                db.ChangeTracker.Clear();
                progress?.Report((rows.Count + imported, rows.Count * 2));
            }

            if (errors.Count > 0 && !options.ImportValidRows)
            {
                await transaction.RollbackAsync(cancellationToken);
                imported = 0;
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        var reject = refusedRows.Count == 0 ? null : RejectFile(headers, refusedRows.OrderBy(r => rows.IndexOf(r.Row)).ToList());
        return new Outcome(rows.Count, imported, errors.Count, possibleDuplicates, errors.OrderBy(e => e.Row).ToList(), unmapped, reject);
    }

    private static string? Map(string header, IReadOnlyDictionary<string, string>? explicitMapping)
    {
        if (explicitMapping is not null && explicitMapping.TryGetValue(header, out var field))
            return field;
        return KnownHeaders.GetValueOrDefault(VietnameseText.Fold(header.Replace("/", " ", StringComparison.Ordinal).Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal)));
    }

    private static (RegisterPerson.Input Input, string? Error) ToInput(IDictionary<string, object?> row, Dictionary<string, string?> mapping, string? defaultCommune)
    {
        string? Get(string field) => Pad(field, mapping.Where(m => m.Value == field).Select(m => Text(row[m.Key])).FirstOrDefault(v => v is not null));

        var sexText = VietnameseText.Fold(Get(nameof(PersonInput.Sex)));
        var sex = sexText switch
        {
            "nam" or "male" or "m" => "male",
            "nu" or "female" or "f" => "female",
            "" => null,
            _ => "?",
        };
        var substances = (Get(nameof(PersonInput.Substances)) ?? "")
            .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(SubstanceCode)
            .ToList();
        if (substances.Contains(null))
            return (new RegisterPerson.Input(), $"Chất ma túy '{Get(nameof(PersonInput.Substances))}' không nhận ra. Dùng: {string.Join(", ", Substances.All.Values)}.");
        if (sex == "?")
            return (new RegisterPerson.Input(), $"Giới tính '{Get(nameof(PersonInput.Sex))}' không hợp lệ; ghi 'Nam' hoặc 'Nữ'.");

        return (new RegisterPerson.Input
        {
            FullName = Get(nameof(PersonInput.FullName)),
            Aliases = (Get(nameof(PersonInput.Aliases)) ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            DateOfBirth = Get(nameof(PersonInput.DateOfBirth)),
            Sex = sex,
            CitizenId = Get(nameof(PersonInput.CitizenId)),
            LegacyId = Get(nameof(PersonInput.LegacyId)),
            Phone = Get(nameof(PersonInput.Phone)),
            Ethnicity = Get(nameof(PersonInput.Ethnicity)),
            Occupation = Get(nameof(PersonInput.Occupation)),
            Education = Get(nameof(PersonInput.Education)),
            MaritalStatus = Get(nameof(PersonInput.MaritalStatus)),
            ResidenceCommuneCode = Get(nameof(PersonInput.ResidenceCommuneCode)) ?? defaultCommune,
            Address = Get(nameof(PersonInput.Address)),
            Substances = substances.OfType<string>().ToList(),
            ConfirmedNotDuplicate = false,
        }, null);
    }

    /// <summary>A code typed into a number cell loses its leading zeros in Excel (every citizen ID starts with 0): put them back.</summary>
    private static string? Pad(string field, string? value)
    {
        var width = field switch
        {
            nameof(PersonInput.CitizenId) => 12,
            nameof(PersonInput.LegacyId) => 9,
            nameof(PersonInput.ResidenceCommuneCode) => 5,
            _ => 0,
        };
        return width > 0 && value is not null && value.Length < width && value.All(char.IsAsciiDigit) && value.Length >= width - 3 ? value.PadLeft(width, '0') : value;
    }

    private static string? SubstanceCode(string text)
    {
        var folded = VietnameseText.Fold(text);
        return Substances.All.FirstOrDefault(s => s.Key == folded || VietnameseText.Fold(s.Value).StartsWith(folded, StringComparison.Ordinal) || folded == VietnameseText.Fold(s.Value)).Key
            ?? (folded is "ma tuy da" or "da" ? "methamphetamine" : folded is "thuoc lac" ? "mdma" : null);
    }

    /// <summary>Excel gives numbers and dates as values: keep leading zeros of codes, and write dates as dd/MM/yyyy.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        double number when number == Math.Floor(number) => number.ToString("0", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null,
    };

    private static IEnumerable<string> Describe(Failure failure) => failure switch
    {
        Failure.Invalid invalid => invalid.Errors.SelectMany(e => e.Value),
        Failure.Conflict conflict => [conflict.Message],
        _ => ["Không được phép nhập dòng này."],
    };

    private static byte[] RejectFile(List<string> headers, List<(IDictionary<string, object?> Row, string Message)> refused)
    {
        var sheet = refused.Select(r =>
        {
            var row = new Dictionary<string, object?>();
            foreach (var header in headers)
                row[header] = r.Row.TryGetValue(header, out var value) ? value : null;
            row[ErrorColumn] = r.Message;
            return row;
        }).ToList();
        using var output = new MemoryStream();
        output.SaveAs(sheet, sheetName: "Dòng bị từ chối", excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FreezeRowCount = 1, FastMode = true, EnableAutoWidth = true });
        return output.ToArray();
    }
}
