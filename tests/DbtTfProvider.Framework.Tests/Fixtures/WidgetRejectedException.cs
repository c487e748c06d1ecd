namespace DbtTfProvider.Framework.Tests.Fixtures;

public sealed class WidgetRejectedException(string field) : Exception($"the API rejected {field}") { public string Field { get; } = field; }
