namespace DbtTfProvider.Framework.Tests.Fixtures;

public sealed class WidgetNotFoundException(string id) : Exception($"widget {id} not found");
