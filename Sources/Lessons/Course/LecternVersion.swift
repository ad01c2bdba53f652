/// The version `lectern --version` prints.
public enum LecternVersion {
    public static let current = "0.11.0"
}
