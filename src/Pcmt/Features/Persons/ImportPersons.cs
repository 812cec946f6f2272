using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Infrastructure.Text;
using Pcmt.Infrastructure.Uploads;

namespace Pcmt.Features.Persons;

/// <summary>
/// Nhập danh sách đối tượng từ Excel (.xlsx) hoặc CSV, as provinces keep them today: columns are mapped by their Vietnamese
/// headers (or an explicit mapping), every row goes through the same rules as the form, duplicates are checked against the
/// registry and within the file, and refused rows come back in a reject file with the reason in Vietnamese.
/// All or nothing per file, unless the caller chooses to import the valid rows.
/// </summary>
public sealed class ImportPersons(AppDbContext db, PersonRules rules, FindDuplicates duplicates, TimeProvider clock)
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

    /// <summary>A refused row: its number as Excel shows it (the header is row 1), the reason in Vietnamese, and the file's column at fault when one is.</summary>
    public sealed record RowError(int Row, string Message, string? Field = null);

    public sealed record Outcome(int Rows, int Imported, int Refused, int PossibleDuplicates, IReadOnlyList<RowError> Errors, IReadOnlyList<string> UnmappedColumns, byte[]? RejectFile,
        IReadOnlyList<Guid>? PersonIds = null)
    {
        public bool Succeeded => Refused == 0 || Imported > 0;
    }

    /// <summary>Rows checked, matched and written together: one registry query per step per chunk, not per row.</summary>
    private const int ChunkSize = 2000;

    public async Task<Outcome> HandleAsync(Stream file, string fileName, Options options, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        // Limits checked before parsing, on the whole file as a stream, and parser failures refused as the user's error
        // (Infrastructure/Uploads). Issue 19: the rows are then read from the file one chunk at a time, never held whole: what
        // stays for the whole file is one small key per row (its citizen ID's blind index), the IDs created, and the refused
        // rows with their reasons (for the reject file).
        var format = UploadGuard.FormatOf(fileName) ?? throw new UploadRejectedException(UploadGuard.WrongType);
        var expected = (int)Math.Min(int.MaxValue, UploadGuard.Check(file, format, UploadLimits.Table));
        using var source = UploadGuard.StreamRows(file, format).Where(r => !IsBlank(r)).GetEnumerator();
        var first = source.MoveNext() ? source.Current : null;
        var headers = first is null ? [] : first.Keys.ToList();
        var mapping = headers.ToDictionary(h => h, h => Map(h, options.Mapping));
        var unmapped = mapping.Where(m => m.Value is null).Select(m => m.Key).ToList();

        // The file's own name for the citizen-ID column, for the reasons given about it.
        var idColumn = mapping.FirstOrDefault(m => m.Value == nameof(PersonInput.CitizenId)).Key ?? "Số định danh cá nhân";
        var units = await rules.CurrentUnitsAsync(cancellationToken);
        var errors = new List<RowError>();
        // The refused rows as the file has them (values in header order), for the reject file; accepted rows are not kept.
        var refusedRows = new Dictionary<int, object?[]>();
        var seenIds = new Dictionary<string, int>();
        var audit = new List<string>();
        var now = clock.GetUtcNow().UtcDateTime;
        var total = 0;
        var imported = 0;
        var possibleDuplicates = 0;
        var createdIds = new List<Guid>();

        void Refuse(RowError error, object?[] values)
        {
            errors.Add(error);
            refusedRows.TryAdd(error.Row, values);
        }

        // One transaction: a crash half-way, or a refused row in an all-or-nothing import, leaves the registry as it was.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Issue 19: reading the file and the per-row work that needs no database (shape, rules, encryption, blind index, name
        // keys) run on their own thread, one chunk ahead of the registry checks and the COPY of the previous chunk; at most two
        // prepared chunks wait, so memory is bounded by the chunk, not the file. Rows keep their numbers (blank rows skipped,
        // the header is row 1), and the refused rows are sorted at the end as before.
        using var stopPreparing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var prepared = Channel.CreateBounded<Prepared>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var preparing = Task.Run(async () =>
        {
            try
            {
                var chunk = new List<IDictionary<string, object?>>(ChunkSize);
                var offset = 0;
                for (var row = first; row is not null; row = source.MoveNext() ? source.Current : null)
                {
                    stopPreparing.Token.ThrowIfCancellationRequested();
                    chunk.Add(row);
                    if (chunk.Count < ChunkSize)
                        continue;
                    await prepared.Writer.WriteAsync(Prepare(chunk, offset, headers, mapping, options.DefaultCommuneCode, units, now, stopPreparing.Token), stopPreparing.Token);
                    offset += chunk.Count;
                    chunk = new List<IDictionary<string, object?>>(ChunkSize);
                }

                if (chunk.Count > 0)
                    await prepared.Writer.WriteAsync(Prepare(chunk, offset, headers, mapping, options.DefaultCommuneCode, units, now, stopPreparing.Token), stopPreparing.Token);
                prepared.Writer.Complete();
            }
            catch (Exception exception)
            {
                prepared.Writer.Complete(exception);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var prepare in prepared.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var (error, values) in prepare.Errors)
                    Refuse(error, values);
                var chunk = prepare.Valid;
                total = prepare.End;

                // Citizen IDs: one lookup for the chunk against the national registry, then against the file's earlier rows.
                var indexes = chunk.Where(c => c.IdIndex is not null).Select(c => c.IdIndex!).ToList();
                var registered = indexes.Count == 0
                    ? []
                    : (await db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).Where(p => p.CitizenIdIndex != null && indexes.Contains(p.CitizenIdIndex)).Select(p => p.CitizenIdIndex!).ToListAsync(cancellationToken)).ToHashSet();
                var accepted = new List<Candidate>();
                foreach (var candidate in chunk)
                {
                    var (row, idIndex) = (candidate.Row, candidate.IdIndex);
                    // Against the file first: an ID of an earlier row, already written in this transaction, is that row's duplicate.
                    if (idIndex is not null && seenIds.TryGetValue(idIndex, out var firstRow))
                        Refuse(new RowError(row, $"Cột \"{idColumn}\": số định danh trùng với dòng {firstRow} trong cùng tệp.", idColumn), candidate.Values);
                    else if (idIndex is not null && registered.Contains(idIndex))
                        Refuse(new RowError(row, $"Cột \"{idColumn}\": số định danh cá nhân này đã có trong sổ đăng ký.", idColumn), candidate.Values);
                    else
                    {
                        if (idIndex is not null)
                            seenIds[idIndex] = row;
                        accepted.Add(candidate);
                    }
                }

                progress?.Report((prepare.End, Math.Max(prepare.End, expected)));
                if (errors.Count > 0 && !options.ImportValidRows)
                    continue; // nothing will be saved; keep checking so the report lists every refused row
                if (accepted.Count == 0)
                    continue;

                var written = await WriteRefusingRacesAsync(transaction, prepare.Offset, accepted, idColumn, Refuse, options.ImportValidRows, now, cancellationToken);
                if (written is null)
                    continue; // a row was taken by a concurrent registration and the import is all or nothing: nothing will be saved
                imported += written.Persons;
                createdIds.AddRange(written.Ids);
                possibleDuplicates += written.PossibleDuplicates;
                audit.Add($"Nhập danh sách '{Path.GetFileName(fileName)}', dòng {written.FirstRow}–{written.LastRow}: {written.Persons} hồ sơ, {written.Reviews} cặp chờ rà soát trùng: {string.Join(",", written.Ids)}");
            }
        }
        finally
        {
            // The preparing task must not outlive the request (it reads the file and the user's scope).
            await stopPreparing.CancelAsync();
            await preparing;
        }

        if (errors.Count > 0 && !options.ImportValidRows)
        {
            await transaction.RollbackAsync(cancellationToken);
            imported = 0;
            possibleDuplicates = 0;
            createdIds.Clear();
        }
        else if (imported > 0)
        {
            // One audit entry for the import, listing every record it created, written last: it takes the audit chain's lock until the commit.
            await db.SaveBulkAsync(nameof(Person), string.Join("\n", audit), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var refused = errors.OrderBy(e => e.Row).ToList();
        var reject = refused.Count == 0 ? null : RejectFile(headers, refused.Select(e => (refusedRows[e.Row], e.Message)));
        return new Outcome(total, imported, refused.Count, possibleDuplicates, refused, unmapped, reject, createdIds);
    }

    private static bool IsBlank(IDictionary<string, object?> row) =>
        !row.Values.Any(v => !string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture)));

    /// <summary>A valid row, ready to write: its entity (identifiers encrypted and indexed), aliases, matching subject, and the file's values (kept only while the chunk is).</summary>
    private sealed record Candidate(int Row, RegisterPerson.Input Input, string? IdIndex, Person Person, List<PersonAlias> Aliases, PersonMatching.Subject Subject, object?[] Values);

    private sealed record Prepared(int Offset, int End, List<(RowError Error, object?[] Values)> Errors, List<Candidate> Valid);

    /// <summary>The pure per-row work of one chunk (no database; the units were loaded before).</summary>
    private Prepared Prepare(List<IDictionary<string, object?>> rows, int offset, List<string> headers, Dictionary<string, string?> mapping, string? defaultCommune,
        Func<string?, AdministrativeUnit?> units, DateTime now, CancellationToken cancellationToken)
    {
        var results = new ((RowError Error, object?[] Values)? Error, Candidate? Valid)[rows.Count];
        // One thread: this runs beside the writer (the other core). Splitting the rows over both cores as well (Parallel.For)
        // cost 27 % more CPU on the shared 2-core machine and gained nothing (docs/performance.md, issue 19).
        for (var i = 0; i < rows.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rowNumber = offset + i + 2; // the header is row 1, as the user sees it in Excel
            var values = headers.Select(h => rows[i].TryGetValue(h, out var value) ? value : null).ToArray();
            var (input, shapeError) = ToInput(rows[i], mapping, defaultCommune);
            if (shapeError is not null)
            {
                results[i] = ((new RowError(rowNumber, shapeError), values), null);
                continue;
            }

            var check = rules.Check(input, units);
            if (!check.Succeeded)
            {
                results[i] = ((new RowError(rowNumber, string.Join(" ", Describe(check.Failure))), values), null);
                continue;
            }

            var valid = check.Value;
            var person = new Person { CreatedAt = now, Version = Guid.NewGuid() };
            rules.Apply(person, input, valid);
            var aliases = person.Aliases;
            foreach (var alias in aliases)
                alias.PersonId = person.Id;
            person.Aliases = [];
            var subject = PersonMatching.From(input.FullName!, input.Aliases ?? [], valid.BirthDate.Year, valid.BirthDate.Date, valid.Sex, valid.Commune.Code);
            results[i] = (null, new Candidate(rowNumber, input, person.CitizenIdIndex, person, aliases, subject, values));
        }

        return new Prepared(offset, offset + rows.Count, results.Where(r => r.Error is not null).Select(r => r.Error!.Value).ToList(), results.Where(r => r.Valid is not null).Select(r => r.Valid!).ToList());
    }

    private sealed record Written(int Persons, int PossibleDuplicates, int Reviews, IReadOnlyList<Guid> Ids, int FirstRow, int LastRow);

    /// <summary>
    /// Writes the chunk; a citizen ID registered by someone else between the check above and this insert (a concurrent
    /// registration or import) makes the unique index refuse the whole chunk. The chunk is then undone to its savepoint, the
    /// rows whose ID is now taken are reported with their row number and column (never a 500 or an error without a row), and
    /// the other rows are written again when the caller imports the valid rows. Returns null when nothing is to be saved.
    /// </summary>
    private async Task<Written?> WriteRefusingRacesAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, int offset,
        List<Candidate> accepted, string idColumn, Action<RowError, object?[]> refuse, bool importValidRows, DateTime now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var savepoint = $"import_chunk_{offset}_{attempt}";
            await transaction.CreateSavepointAsync(savepoint, cancellationToken);
            try
            {
                var written = await WriteChunkAsync(accepted, now, cancellationToken);
                await transaction.ReleaseSavepointAsync(savepoint, cancellationToken);
                return written;
            }
            catch (Exception exception) when (attempt < 3 && UniqueViolation.IndexOf(exception) is not null && exception is not OperationCanceledException)
            {
                await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
                db.ChangeTracker.Clear();

                // Which rows: IDs registered meanwhile (visible now that the other transaction committed), or, should the
                // check above have missed one, an ID given twice in the chunk.
                var indexes = accepted.Where(a => a.IdIndex is not null).Select(a => a.IdIndex!).Distinct().ToList();
                var taken = indexes.Count == 0
                    ? []
                    : (await db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).Where(p => p.CitizenIdIndex != null && indexes.Contains(p.CitizenIdIndex))
                        .Select(p => p.CitizenIdIndex!).ToListAsync(cancellationToken)).ToHashSet();
                var refused = new HashSet<int>();
                foreach (var candidate in accepted.Where(a => a.IdIndex is not null && taken.Contains(a.IdIndex)))
                {
                    refuse(new RowError(candidate.Row, $"Cột \"{idColumn}\": số định danh cá nhân này vừa được đăng ký trong lúc tệp đang được nhập (một đăng ký khác cùng lúc); dòng không được nhập, hãy kiểm tra hồ sơ đã có.", idColumn), candidate.Values);
                    refused.Add(candidate.Row);
                }

                foreach (var group in accepted.Where(a => a.IdIndex is not null && !taken.Contains(a.IdIndex)).GroupBy(a => a.IdIndex))
                {
                    foreach (var candidate in group.Skip(1))
                    {
                        refuse(new RowError(candidate.Row, $"Cột \"{idColumn}\": số định danh trùng với dòng {group.First().Row} trong cùng tệp.", idColumn), candidate.Values);
                        refused.Add(candidate.Row);
                    }
                }

                if (refused.Count == 0)
                    throw; // not a citizen ID taken meanwhile: a fault of the system, not of a row
                accepted = accepted.Where(a => !refused.Contains(a.Row)).ToList();
                if (!importValidRows || accepted.Count == 0)
                    return null;
            }
        }
    }

    /// <summary>
    /// Duplicate matching for the chunk (one registry query by name key), file codes, then one bulk insert per table. The
    /// file's earlier chunks are in the registry already (written in this transaction, which the query reads), so a row is
    /// matched against them there; against the earlier rows of its own chunk it is matched here, in file order. Nothing of
    /// the file is kept beyond the chunk (issue 19).
    /// </summary>
    private async Task<Written> WriteChunkAsync(List<Candidate> accepted, DateTime now, CancellationToken cancellationToken)
    {
        var registry = await duplicates.CandidatesForAsync(accepted.Select(a => a.Subject).ToList(), cancellationToken);
        var fromChunk = new Dictionary<string, List<FindDuplicates.Row>>();
        var persons = new List<Person>(accepted.Count);
        var aliases = new List<PersonAlias>();
        var reviews = new List<DuplicateReview>();
        var possibleDuplicates = 0;
        foreach (var candidate in accepted)
        {
            var (input, person, subject) = (candidate.Input, candidate.Person, candidate.Subject);
            // Matched in file order: a later row is compared with the earlier rows of the file as if they were registered.
            var matches = duplicates.Judge(subject, subject.NameKeys.SelectMany(k => registry[k].Concat(fromChunk.GetValueOrDefault(k) ?? [])));
            aliases.AddRange(candidate.Aliases);
            persons.Add(person);
            possibleDuplicates += matches.Visible.Count > 0 || matches.Elsewhere > 0 ? 1 : 0;
            reviews.AddRange(matches.Visible.Select(match => new DuplicateReview
            {
                PersonId = person.Id,
                CandidateId = match.Id,
                Score = match.Score,
                Reasons = string.Join("; ", match.Reasons),
                ProvinceCode = person.ProvinceCode,
                CommuneCode = person.CommuneCode,
                CreatedAt = now,
            }));
            var row = new FindDuplicates.Row(person.Id, person.FullName, person.DateOfBirth, person.BirthYear, person.Sex, person.CommuneCode, person.ProvinceCode, input.Aliases ?? []);
            foreach (var key in subject.NameKeys)
                (fromChunk.TryGetValue(key, out var list) ? list : fromChunk[key] = []).Add(row);
        }

        // Mã hồ sơ as RegisterPerson numbers them (commune, year, running number), from the same counter rows inside the
        // import's transaction: a registration of one of these communes waits for the import to commit, and nothing collides.
        await NumberAsync(persons, now, cancellationToken);
        await BulkCopy.WriteAsync(db, persons, null, cancellationToken);
        await BulkCopy.WriteAsync(db, aliases, null, cancellationToken);
        await BulkCopy.WriteAsync(db, reviews, null, cancellationToken);
        return new Written(persons.Count, possibleDuplicates, reviews.Count, persons.Select(p => p.Id).ToList(), accepted[0].Row, accepted[^1].Row);
    }

    private async Task NumberAsync(List<Person> persons, DateTime now, CancellationToken cancellationToken)
    {
        // Prefixes in a fixed order, so two imports lock the communes' counters in the same order.
        foreach (var group in persons.GroupBy(p => FileNumbers.PrefixOf(p.CommuneCode, now)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var next = await FileNumbers.AllocateAsync(db, group.Key, group.Count(), cancellationToken);
            foreach (var person in group)
                person.FileCode = FileNumbers.Format(group.Key, next++);
        }
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

    private static byte[] RejectFile(List<string> headers, IEnumerable<(object?[] Values, string Message)> refused)
    {
        var sheet = refused.Select(r =>
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < headers.Count; i++)
                row[headers[i]] = r.Values[i];
            row[ErrorColumn] = r.Message;
            return row;
        }).ToList();
        using var output = new MemoryStream();
        output.SaveAs(sheet, sheetName: "Dòng bị từ chối", excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FreezeRowCount = 1, FastMode = true, EnableAutoWidth = true });
        return output.ToArray();
    }
}
