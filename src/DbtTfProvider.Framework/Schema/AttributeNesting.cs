namespace DbtTfProvider.Framework.Schema;

public enum AttributeNesting { Single, List, Set, Map }
