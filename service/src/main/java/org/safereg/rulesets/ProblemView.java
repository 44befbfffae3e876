package org.safereg.rulesets;

import org.safereg.engine.RuleProblem;

/**
 * One problem or warning, located in the terms of its author: workbook (or DRL file), sheet, row, column
 * and the cell's text, or the DRL line; said in English and in Chinese.
 */
record ProblemView(
        String file,
        String sheet,
        Integer row,
        String column,
        Integer line,
        String cellText,
        String location,
        String message,
        String messageZh) {

    static ProblemView of(RuleProblem problem) {
        return new ProblemView(
                problem.file(),
                problem.sheet(),
                problem.row(),
                problem.column(),
                problem.line(),
                problem.cellText(),
                problem.location(),
                problem.message(),
                ProblemSentences.chinese(problem.message()));
    }

    static ProblemView inFile(String file, String message, String messageZh) {
        return new ProblemView(file, null, null, null, null, null, file, message, messageZh);
    }
}
