using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Pcmt.Infrastructure.Web;

/// <summary>
/// <c>&lt;field for="Input.FullName" /&gt;</c>: label, input (or select when <c>items</c> is given) and validation message,
/// from the [Display] and DataAnnotations metadata, so every form is accessible and consistent.
/// </summary>
[HtmlTargetElement("field", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    public required ModelExpression For { get; set; }

    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>Text of the empty first option of a select.</summary>
    public string? Empty { get; set; }

    public string? Type { get; set; }

    public string? Hint { get; set; }

    public string? Autocomplete { get; set; }

    [HtmlAttributeNotBound, ViewContext]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        var isCheckbox = For.Metadata.UnderlyingOrModelType == typeof(bool);
        output.Attributes.SetAttribute("class", isCheckbox ? "field field-check" : "field");

        var name = For.Name;
        var label = generator.GenerateLabel(ViewContext, For.ModelExplorer, name, labelText: null, htmlAttributes: null);
        if (For.Metadata.IsRequired && !isCheckbox)
            label.InnerHtml.AppendHtml(" <span class=\"required\" aria-hidden=\"true\">*</span>");

        TagBuilder input;
        if (Items is not null)
        {
            input = generator.GenerateSelect(ViewContext, For.ModelExplorer, Empty, name, Items, allowMultiple: false, htmlAttributes: null);
        }
        else if (isCheckbox)
        {
            input = generator.GenerateCheckBox(ViewContext, For.ModelExplorer, name, isChecked: null, htmlAttributes: null);
        }
        else
        {
            var type = Type ?? InputType();
            input = type == "password"
                ? generator.GeneratePassword(ViewContext, For.ModelExplorer, name, value: null, htmlAttributes: null)
                : generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model is DateOnly d ? d.ToString("yyyy-MM-dd") : For.Model, format: null, htmlAttributes: new { type });
        }

        var id = input.Attributes["id"];
        var hintId = id + "-hint";
        var errorId = id + "-error";
        if (Hint is not null)
            input.Attributes["aria-describedby"] = hintId + " " + errorId;
        else
            input.Attributes["aria-describedby"] = errorId;
        if (For.Metadata.IsRequired && !isCheckbox)
            input.Attributes["required"] = "required";
        if (Autocomplete is not null)
            input.Attributes["autocomplete"] = Autocomplete;
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var state) && state.Errors.Count > 0)
            input.Attributes["aria-invalid"] = "true";

        var message = generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, name, message: null, tag: "span", htmlAttributes: new { id = errorId, @class = "field-error", role = "alert" });

        if (isCheckbox)
        {
            output.Content.AppendHtml(input);
            output.Content.AppendHtml(generator.GenerateHiddenForCheckbox(ViewContext, For.ModelExplorer, name));
            output.Content.AppendHtml(label);
        }
        else
        {
            output.Content.AppendHtml(label);
            output.Content.AppendHtml(input);
        }

        if (Hint is not null)
            output.Content.AppendHtml($"<span class=\"field-hint\" id=\"{hintId}\">{System.Net.WebUtility.HtmlEncode(Hint)}</span>");
        output.Content.AppendHtml(message);
    }

    private string InputType()
    {
        var type = For.Metadata.UnderlyingOrModelType;
        if (For.Metadata.DataTypeName == nameof(DataType.Password))
            return "password";
        if (type == typeof(DateOnly) || type == typeof(DateTime))
            return "date";
        if (type == typeof(int) || type == typeof(long))
            return "number";
        return "text";
    }
}
