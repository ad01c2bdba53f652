import Foundation
import Testing

/// `lectern reference diffusion/*`: the lesson's numbers, and bad input exits 2 naming case and field.
@Suite struct DiffusionReferenceTests {
    @Test func lessonScheduleAndStep() throws {
        let betas = try LecternProcess.run(["reference", "diffusion/betas"],
                                           stdin: #"[{"schedule":"linear","steps":2,"betaStart":0.1,"betaEnd":0.3}]"#)
        #expect(betas.status == 0, "\(betas.stderr)")
        #expect(betas.stdout == "[[0.1,0.3]]\n")
        let guided = try LecternProcess.run(["reference", "diffusion/guidance"],
                                            stdin: #"[{"uncond":[0,1],"cond":[1,1],"scale":7.5}]"#)
        #expect(guided.stdout == "[[7.5,1.0]]\n")
    }

    @Test(arguments: [
        ("diffusion/betas", #"[{"schedule":"cosine","steps":10,"betaStart":0,"betaEnd":0}]"#, "case 0", "schedule"),
        ("diffusion/betas", #"[{"schedule":"linear","steps":10,"betaStart":0,"betaEnd":0.1},{"schedule":"linear","steps":1,"betaStart":0,"betaEnd":0.1}]"#, "case 1", "steps"),
        ("diffusion/add-noise", #"[{"x0":[1],"noise":[1],"t":2,"betas":[0.1,0.3]}]"#, "case 0", "t"),
        ("diffusion/add-noise", #"[{"x0":[1,2],"noise":[1],"t":0,"betas":[0.1,0.3]}]"#, "case 0", "noise"),
        ("diffusion/ddpm-step", #"[{"sample":[1],"epsilon":[1,1],"noise":[0],"t":1,"betas":[0.1,0.3],"clipSample":true}]"#, "case 0", "epsilon"),
        ("diffusion/ddim-step", #"[{"sample":[1],"epsilon":[1],"t":1,"prevT":1,"betas":[0.1,0.3]}]"#, "case 0", "prevT"),
        ("diffusion/guidance", #"[{"uncond":[1],"cond":[1,2],"scale":7.5}]"#, "case 0", "cond"),
    ])
    func badCasesExitTwo(id: String, input: String, caseName: String, field: String) throws {
        let r = try LecternProcess.run(["reference", id], stdin: input)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(caseName), "\(r.stderr)")
        #expect(r.stderr.contains("'\(field)'"), "\(r.stderr)")
    }
}
