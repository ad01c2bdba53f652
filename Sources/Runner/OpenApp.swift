/// Opens the full-screen app (the TUI issue replaces this).
func openApp(course: CourseOptions) throws {
    print(Lectern.helpMessage())
}
