using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Pcmt.Infrastructure.Web;

/// <summary>
/// <c>&lt;table class="data" empty-when="@(rows.Count == 0)" empty-message="Chưa có …"&gt;</c>: an empty list shows a sentence
/// instead of a bare header row.
/// </summary>
[HtmlTargetElement("table", Attributes = "empty-when")]
public sealed class EmptyTableTagHelper : TagHelper
{
    public bool EmptyWhen { get; set; }

    public string EmptyMessage { get; set; } = "Không có dữ liệu để hiển thị.";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!EmptyWhen)
            return;
        output.TagName = "p";
        output.Attributes.Clear();
        output.Attributes.SetAttribute("class", "empty");
        output.Attributes.SetAttribute("role", "status");
        output.Content.SetContent(EmptyMessage);
    }
}
