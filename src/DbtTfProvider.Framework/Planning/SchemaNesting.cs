namespace DbtTfProvider.Framework.Planning;

/// <summary>How a member holds its value: a plain attribute, or objects nested singly, as a list, set or map.</summary>
public enum SchemaNesting { None, Single, List, Set, Map }
