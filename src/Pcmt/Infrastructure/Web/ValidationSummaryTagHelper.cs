using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Pcmt.Infrastructure.Web;

/// <summary>
/// Drops an empty validation summary: ASP.NET renders it with <c>&lt;li style="display:none"&gt;</c>, an inline style the
/// CSP blocks, so every form showed a stray red bullet. Runs after the framework's own helper (higher order).
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ValidationSummaryTagHelper : TagHelper
{
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // Valid, or invalid with only field errors that a "ModelOnly" summary leaves out (then its list holds the hidden item only).
        var valid = output.Attributes.TryGetAttribute("class", out var css) && css.Value?.ToString()?.Contains("validation-summary-valid", StringComparison.Ordinal) == true;
        if (valid || output.PostContent.GetContent().Contains("display:none", StringComparison.Ordinal))
            output.SuppressOutput();
    }
}
