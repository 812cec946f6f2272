using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pcmt.Features.Indicators;

namespace Pcmt.Features.Reports;

/// <summary>
/// ADX 1.0 (IHE QRPH, urn:ihe:qrph:adx:2015), the aggregate exchange DHIS2 speaks: export of the approved reported values and
/// the computed indicators of an area and period, and import of the same shape into draft reports. A group is one report
/// (orgUnit = reporter code, dataSet = template code, period = the statistical window's start and duration); a disaggregated
/// field "X01.SEX.male" is the data element X01 with the attribute SEX="male".
/// </summary>
public sealed class AdxExchange(AppDbContext db, ReportAccess access, TemplateCatalog templates, ComputeIndicator indicators, IOptions<ReportingOptions> options, TimeProvider clock)
{
    public const string ContentType = "application/adx+xml";
    public const string IndicatorDataSet = "PCMT-INDICATORS";
    public static readonly XNamespace Adx = "urn:ihe:qrph:adx:2015";
    private const long MaxBytes = 20 * 1024 * 1024;

    private static readonly Lazy<XmlSchemaSet> SchemaSet = new(() =>
    {
        using var stream = typeof(AdxExchange).Assembly.GetManifestResourceStream("Pcmt.Reports.adx.xsd")
            ?? throw new InvalidOperationException("Embedded ADX schema is missing.");
        var set = new XmlSchemaSet { XmlResolver = null };
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        set.Add(XmlSchema.Read(reader, null)!);
        set.Compile();
        return set;
    });

    public static XmlSchemaSet Schema => SchemaSet.Value;

    public sealed record ImportIssue(string OrgUnit, string DataSet, string Period, string Reason);

    public sealed record ImportSummary(int Created, int Updated, IReadOnlyList<ImportIssue> Skipped);

    /// <summary>An export whose period and area were checked; <see cref="WriteAsync"/> writes it.</summary>
    public sealed record Export(ReportingPeriod Period, string Area);

    /// <summary>Checks the period and the area of an export (400 and 404 before anything is written).</summary>
    public Result<Export> CheckExport(string? period, string? area)
    {
        var parsed = ReportingPeriod.Parse(period, options.Value.CutOffDay);
        area = string.IsNullOrWhiteSpace(area) ? access.User.ProvinceCode : area.Trim();
        if (parsed is null)
            return new Failure.Invalid("period", "Kỳ phải có dạng 2026, 2026H1, 2026Q3 hoặc 202608.");
        if (area is null)
            return new Failure.Invalid("area", "Vui lòng chọn địa bàn (mã tỉnh hoặc VN).");
        if (!(area == "VN" ? access.User.SeesWholeInstallation : access.CoversProvince(area)))
            return new Failure.NotFound();
        return new Export(parsed, area);
    }

    /// <summary>
    /// Writes the document to <paramref name="output"/> as it is read (issue 19: the whole country's 8.5 MB were built as an
    /// XDocument, then a string, before the first byte went out). The text is what <c>XDocument.Declaration + "\n" + Root</c>
    /// gave: the declaration, a line break, then the root indented by two spaces, empty elements as <c>&lt;x … /&gt;</c>.
    /// </summary>
    public async Task WriteAsync(Export export, Stream output, CancellationToken ct)
    {
        var (parsed, area) = export;
        var approved = access.Visible().AsNoTracking().Where(r => r.Status == ReviewStatuses.Approved && r.Period == parsed.Code && (area == "VN" || r.ProvinceCode == area));
        // Each template version is read once; the reports without their copy of it (issue 19: the copies were most of the time).
        var templates = await TemplateVersions.OfAsync(approved, ct);
        // The number fields of each template version, looked up once (was a scan of the template for every value of every report).
        var numberFields = templates.ToDictionary(t => t.Key, t => t.Value.Fields.Where(f => f.Type == FieldTypes.Number).Select(f => f.Code).ToHashSet(StringComparer.Ordinal));
        var declaration = Encoding.UTF8.GetBytes(new XDeclaration("1.0", "utf-8", null) + "\n");
        await output.WriteAsync(declaration, ct);
        var settings = new XmlWriterSettings { Async = true, Indent = true, OmitXmlDeclaration = true, Encoding = new UTF8Encoding(false), CloseOutput = false };
        await using var writer = XmlWriter.Create(output, settings);
        var ns = Adx.NamespaceName;
        await writer.WriteStartElementAsync(null, "adx", ns);
        await writer.WriteAttributeStringAsync(null, "exported", null, clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        var reports = approved.OrderBy(r => r.TemplateCode).ThenBy(r => r.ReporterCode)
            .Select(r => new { r.TemplateCode, r.TemplateVersion, r.ReporterCode, r.ApprovedAt, r.Values }).AsAsyncEnumerable();
        var written = 0;
        await foreach (var report in reports.WithCancellation(ct))
        {
            var numbers = numberFields[(report.TemplateCode, report.TemplateVersion)];
            var values = TemplateVersions.Values(report.Values).Where(v => numbers.Contains(v.Key) && Report.Number(v.Value) is not null).ToList();
            if (values.Count == 0)
                continue;
            await writer.WriteStartElementAsync(null, "group", ns);
            await writer.WriteAttributeStringAsync(null, "orgUnit", null, report.ReporterCode);
            await writer.WriteAttributeStringAsync(null, "period", null, parsed.Iso);
            await writer.WriteAttributeStringAsync(null, "dataSet", null, report.TemplateCode);
            if (report.ApprovedAt is { } approvedAt)
                await writer.WriteAttributeStringAsync(null, "completeDate", null, approvedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            foreach (var (code, value) in values)
                await DataValueAsync(writer, code, Report.Number(value)!.Value);
            await writer.WriteEndElementAsync();
            if (++written % 200 == 0)
                await writer.FlushAsync();
        }

        // The indicators are computed after the reports are out; a group is written only when one has a value. All at once:
        // for the whole country on PostgreSQL one statement counts those computed from the records (issue 19, third pass).
        var indicatorValues = new List<(string Code, decimal Amount)>();
        foreach (var value in await indicators.HandleAllAsync(area, parsed.Code, ct))
        {
            if (value.Succeeded && value.Value.Amount is { } amount)
                indicatorValues.Add((value.Value.Code, amount));
        }

        if (indicatorValues.Count > 0)
        {
            await writer.WriteStartElementAsync(null, "group", ns);
            await writer.WriteAttributeStringAsync(null, "orgUnit", null, area);
            await writer.WriteAttributeStringAsync(null, "period", null, parsed.Iso);
            await writer.WriteAttributeStringAsync(null, "dataSet", null, IndicatorDataSet);
            foreach (var (code, amount) in indicatorValues)
            {
                await writer.WriteStartElementAsync(null, "dataValue", ns);
                await writer.WriteAttributeStringAsync(null, "dataElement", null, code);
                await writer.WriteAttributeStringAsync(null, "value", null, amount.ToString(CultureInfo.InvariantCulture));
                await writer.WriteEndElementAsync();
            }

            await writer.WriteEndElementAsync();
        }

        await writer.WriteEndElementAsync();
        await writer.FlushAsync();
    }

    private static async Task DataValueAsync(XmlWriter writer, string code, decimal value)
    {
        await writer.WriteStartElementAsync(null, "dataValue", Adx.NamespaceName);
        var parts = code.Split('.');
        if (parts.Length == 3 && BuiltInTemplates.Sets.ContainsKey(parts[1]))
        {
            await writer.WriteAttributeStringAsync(null, "dataElement", null, parts[0]);
            await writer.WriteAttributeStringAsync(null, parts[1], null, parts[2]);
        }
        else
            await writer.WriteAttributeStringAsync(null, "dataElement", null, code);
        await writer.WriteAttributeStringAsync(null, "value", null, value.ToString(CultureInfo.InvariantCulture));
        await writer.WriteEndElementAsync();
    }

    /// <summary>Validates a document against the ADX schema; the messages are in English from the XML parser, prefixed in Vietnamese.</summary>
    public static List<string> Validate(XDocument document)
    {
        var errors = new List<string>();
        document.Validate(Schema, (_, e) => errors.Add($"Dòng {e.Exception?.LineNumber}: {e.Message}"));
        return errors;
    }

    public async Task<Result<ImportSummary>> ImportAsync(Stream body, CancellationToken ct)
    {
        if (!access.User.Can(Permissions.ExchangeReports))
            return new Failure.Forbidden();
        XDocument document;
        try
        {
            using var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, ct);
            if (buffer.Length is 0 or > MaxBytes)
                return new Failure.Invalid("file", "Tệp ADX trống hoặc lớn hơn 20 MB.");
            buffer.Position = 0;
            using var reader = XmlReader.Create(buffer, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return new Failure.Invalid("file", $"Tệp không phải XML hợp lệ (dòng {e.LineNumber}).");
        }

        var schemaErrors = Validate(document);
        if (schemaErrors.Count > 0)
            return new Failure.Invalid(new Dictionary<string, string[]> { ["file"] = ["Tệp không đúng lược đồ ADX 1.0.", .. schemaErrors.Take(20)] });

        int created = 0, updated = 0;
        var skipped = new List<ImportIssue>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var group in document.Root!.Elements(Adx + "group"))
        {
            var orgUnit = (string)group.Attribute("orgUnit")!;
            var dataSet = (string)group.Attribute("dataSet")!;
            var iso = (string)group.Attribute("period")!;
            void Skip(string reason) => skipped.Add(new ImportIssue(orgUnit, dataSet, iso, reason));
            if (dataSet == IndicatorDataSet)
            {
                Skip("Chỉ tiêu do hệ thống tính, không nhập.");
                continue;
            }

            var template = await templates.FindAsync(dataSet, ct);
            var period = ReportingPeriod.FromIso(iso, options.Value.CutOffDay);
            if (template is null || period is null || period.Frequency != template.Frequency)
            {
                Skip(template is null ? "Không có mẫu báo cáo này." : "Kỳ không khớp với mẫu báo cáo.");
                continue;
            }

            var reporter = await access.ResolveAsync(template.ReporterKind, orgUnit, ct);
            if (reporter is null || !access.CoversProvince(reporter.ProvinceCode))
            {
                Skip("Không tìm thấy đơn vị báo cáo trong phạm vi của bạn.");
                continue;
            }

            var values = new Dictionary<string, JsonElement>();
            foreach (var dv in group.Elements(Adx + "dataValue"))
            {
                var extra = dv.Attributes().Where(a => a.Name.LocalName is not ("dataElement" or "value") && a.Name.Namespace == XNamespace.None).ToList();
                var code = (string)dv.Attribute("dataElement")! + (extra.Count == 1 ? $".{extra[0].Name.LocalName}.{extra[0].Value}" : "");
                values[code] = JsonSerializer.SerializeToElement(decimal.Parse((string)dv.Attribute("value")!, CultureInfo.InvariantCulture));
            }

            var report = await db.Set<Report>().FirstOrDefaultAsync(r => r.TemplateCode == template.Code && r.Period == period.Code && r.ReporterCode == reporter.Code, ct);
            var definition = report?.Definition ?? template;
            var errors = SaveReport.Validate(definition, values, []);
            if (errors.Count > 0)
            {
                Skip(string.Join(" ", errors.SelectMany(e => e.Value).Take(5)));
                continue;
            }

            if (report is not null && !ReviewFlow.IsEditable(report))
            {
                Skip($"Báo cáo đang ở trạng thái \"{ReviewStatuses.DisplayName(report.Status)}\", không ghi đè.");
                continue;
            }

            if (report is null)
            {
                report = new Report
                {
                    TemplateCode = template.Code,
                    TemplateVersion = template.Version,
                    Template = template.ToJson(),
                    Period = period.Code,
                    ReporterKind = reporter.Kind,
                    ReporterCode = reporter.Code,
                    ProvinceCode = reporter.ProvinceCode,
                    CommuneCode = reporter.CommuneCode,
                    DueOn = period.DueOn(options.Value, reporter.Kind),
                    CreatedAt = now,
                };
                db.Set<Report>().Add(report);
                created++;
            }
            else
                updated++;

            var merged = report.ValueMap;
            foreach (var (code, value) in values)
                merged[code] = value;
            report.Values = JsonSerializer.Serialize(merged, ReportJson.Options);
            ReviewFlow.Record(db, Report.SubjectType, report.Id.ToString(), ReviewFlow.Imported, null, access.User, now);
        }

        await db.SaveChangesAsync(ct);
        return new ImportSummary(created, updated, skipped);
    }
}
