namespace DbtTfProvider.Framework.Diagnostics;

public enum DiagnosticSeverity { Error, Warning }
