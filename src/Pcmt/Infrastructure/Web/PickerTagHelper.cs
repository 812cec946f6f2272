using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Pcmt.Infrastructure.Web;

/// <summary>
/// A searchable picker for administrative units and facilities, in one line:
/// <c>&lt;picker for="Input.Scope" kinds="province,commune,facility" /&gt;</c> or, outside a model,
/// <c>&lt;picker name="toCommuneCode" label="Xã/phường nơi chuyển đến" kinds="commune" required="true" /&gt;</c>.
/// The server renders a plain text input holding the code (typing a code works without script); wwwroot/js/picker.js
/// turns it into a combobox that searches names with or without diacritics through <c>/lookup/places</c> and keeps the
/// code in a hidden input of the same name.
/// </summary>
[HtmlTargetElement("picker", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PickerTagHelper(IHtmlGenerator generator, PlaceNames names) : TagHelper
{
    public ModelExpression? For { get; set; }

    /// <summary>Field name when there is no model expression.</summary>
    public string? Name { get; set; }

    public string? Label { get; set; }

    public string? Value { get; set; }

    /// <summary>Comma-separated: province, commune, facility.</summary>
    public string Kinds { get; set; } = PlaceNames.Kinds.Commune;

    /// <summary>Only places of this province (2-digit code).</summary>
    public string? Province { get; set; }

    public string? Hint { get; set; }

    public bool Required { get; set; }

    [HtmlAttributeNotBound, ViewContext]
    public required ViewContext ViewContext { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var name = For?.Name ?? Name ?? throw new InvalidOperationException("<picker> needs 'for' or 'name'.");
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var label = Label ?? For?.Metadata.DisplayName ?? name;
        var required = Required || For?.Metadata.IsRequired == true;
        var value = ViewContext.ViewData.ModelState.TryGetValue(name, out var state) && state.AttemptedValue is not null
            ? state.AttemptedValue
            : Value ?? For?.Model?.ToString() ?? "";
        var invalid = state?.Errors.Count > 0;

        var snapshot = await names.GetAsync(ViewContext.HttpContext.RequestAborted);
        var display = value.Length == 0 ? ""
            : snapshot.FindUnit(value) is { } unit ? (unit.Detail.Length > 0 && unit.Kind != PlaceNames.Kinds.Facility ? $"{unit.Name}, {unit.Detail}" : unit.Name)
            : snapshot.FindFacility(value)?.Name ?? snapshot.FindAgency(value)?.Name ?? value;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field picker");
        var hintId = id + "-hint";
        var errorId = id + "-error";
        var hint = Hint ?? "Gõ tên (có dấu hoặc không dấu) hoặc mã rồi chọn trong danh sách.";

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["type"] = "text";
        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        input.Attributes["value"] = value;
        input.Attributes["autocomplete"] = "off";
        input.Attributes["data-picker"] = Kinds;
        input.Attributes["data-picker-label"] = display;
        if (Province is { Length: > 0 })
            input.Attributes["data-picker-province"] = Province;
        input.Attributes["aria-describedby"] = hintId + " " + errorId;
        if (required)
            input.Attributes["required"] = "required";
        if (invalid)
            input.Attributes["aria-invalid"] = "true";

        output.Content.AppendHtml($"<label for=\"{id}\">").Append(label);
        if (required)
            output.Content.AppendHtml(" <span class=\"required\" aria-hidden=\"true\">*</span>");
        output.Content.AppendHtml("</label>");
        output.Content.AppendHtml(input);
        output.Content.AppendHtml($"<span class=\"field-hint\" id=\"{hintId}\">").Append(hint).AppendHtml("</span>");
        if (For is not null)
        {
            output.Content.AppendHtml(generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, name, message: null, tag: "span",
                htmlAttributes: new { id = errorId, @class = "field-error", role = "alert" }));
        }
        else
        {
            var message = invalid ? string.Join(" ", state!.Errors.Select(e => e.ErrorMessage)) : "";
            output.Content.AppendHtml($"<span class=\"field-error\" id=\"{errorId}\" role=\"alert\">").Append(message).AppendHtml("</span>");
        }
    }
}
