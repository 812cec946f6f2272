using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Pcmt.Infrastructure.Web;

/// <summary>Vietnamese texts for the model-binding errors of Razor Pages forms.</summary>
public static class VietnameseModelBinding
{
    public static void UseVietnamese(this DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị '{value}' của {field} không hợp lệ.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Vui lòng nhập {field}.");
        messages.SetMissingKeyOrValueAccessor(() => "Vui lòng nhập giá trị.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Nội dung yêu cầu không được để trống.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị '{value}' không hợp lệ.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là một số.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Giá trị của {field} không hợp lệ.");
        messages.SetValueIsInvalidAccessor(value => $"Giá trị '{value}' không hợp lệ.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} phải là một số.");
        messages.SetValueMustNotBeNullAccessor(value => $"Vui lòng nhập giá trị cho '{value}'.");
    }
}
