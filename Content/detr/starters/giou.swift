/// The n×m matrix of generalized IoU (Rezatofighi et al. 2019) between the
/// xyxy boxes of `a` and of `b`: GIoU = IoU - (C - U)/C, where U is the union
/// and C the area of the smallest box enclosing both.
///
/// Example: [0, 0, 1, 1] against [2, 0, 3, 1] gives -1/3.
func boxGIoU(a: [[Double]], b: [[Double]]) -> [[Double]] {
    // TODO: IoU, then subtract the empty fraction of the enclosing box.
    return []
}
