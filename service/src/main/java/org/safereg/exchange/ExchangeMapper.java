package org.safereg.exchange;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ExchangeMapper {

    /** Held until the importing transaction ends: one import writes at a time, on any instance. */
    String lockImports();

    void insertImport(ImportRecord record);

    ImportRow find(@Param("id") long id);
}
